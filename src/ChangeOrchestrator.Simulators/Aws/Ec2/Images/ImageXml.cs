using System.Xml.Linq;
using static ChangeOrchestrator.Simulators.Aws.Ec2.Ec2Xml;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Images;

internal static class ImageXml
{
    public static XElement Image(MachineImage image, DateTimeOffset now)
    {
        var state = image.State(now);
        return Item(
            E("imageId", image.ImageId),
            E("imageLocation", $"{image.OwnerId}/{image.Name}"),
            E("imageState", state),
            E("imageOwnerId", image.OwnerId),
            E("creationDate", Timestamp(image.CreationDate)),
            E("isPublic", Bool(image.IsPublic)),
            E("architecture", "x86_64"),
            E("imageType", "machine"),
            image.IsWindows ? E("platform", "windows") : null,
            E("platformDetails", image.PlatformDetails),
            E("name", image.Name),
            E("description", image.Description),
            E("rootDeviceType", "ebs"),
            E("rootDeviceName", image.RootDeviceName),
            Items("blockDeviceMapping", image.BlockDevices.Select(d => Item(
                E("deviceName", d.DeviceName),
                E("ebs",
                    E("snapshotId", d.SnapshotId),
                    E("volumeSize", Int(d.SizeGiB)),
                    E("deleteOnTermination", Bool(d.DeleteOnTermination)),
                    E("volumeType", "gp3"),
                    E("encrypted", Bool(d.Encrypted)))))),
            E("virtualizationType", "hvm"),
            E("hypervisor", "xen"),
            E("enaSupport", "true"),
            state == "failed" ? E("stateReason", E("code", "Server.InternalError"), E("message", "Server.InternalError: Internal error on launch (simulated fault)")) : null,
            image.Tags.Count > 0 ? TagSet(image.Tags) : null);
    }
}

using System.Xml.Linq;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using static ChangeOrchestrator.Simulators.Aws.Ec2.Ec2Xml;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Instances;

internal static class InstanceXml
{
    public static XElement Reservation(FleetNode node, string ownerId) => Item(
        E("reservationId", node.Ec2!.ReservationId),
        E("ownerId", ownerId),
        E("groupSet"),
        Items("instancesSet", [Instance(node, ownerId)]));

    private static XElement Instance(FleetNode node, string ownerId)
    {
        var ec2 = node.Ec2!;
        return Item(
            E("instanceId", node.InstanceId),
            E("imageId", node.Os.ImageId),
            E("instanceState", E("code", Int(ec2.StateCode)), E("name", ec2.State)),
            E("privateDnsName", ec2.State == "terminated" ? "" : ec2.PrivateDnsName),
            E("dnsName", ""),
            E("amiLaunchIndex", "0"),
            E("instanceType", ec2.InstanceType),
            E("launchTime", Timestamp(ec2.LaunchTime)),
            E("placement", E("availabilityZone", ec2.AvailabilityZone), E("groupName", ""), E("tenancy", "default")),
            node.Os.IsWindows ? E("platform", "windows") : null,
            E("platformDetails", node.Os.Ec2PlatformDetails),
            E("usageOperation", node.Os.Ec2PlatformDetails switch
            {
                "Windows" => "RunInstances:0002",
                "Red Hat Enterprise Linux" => "RunInstances:0010",
                _ => "RunInstances",
            }),
            E("monitoring", E("state", "disabled")),
            E("subnetId", ec2.SubnetId),
            E("vpcId", ec2.VpcId),
            E("privateIpAddress", node.IpAddress),
            E("sourceDestCheck", "true"),
            Items("groupSet", [Item(E("groupId", ec2.SecurityGroupId), E("groupName", ec2.SecurityGroupName))]),
            E("architecture", "x86_64"),
            E("rootDeviceType", "ebs"),
            E("rootDeviceName", ec2.RootDeviceName),
            Items("blockDeviceMapping", ec2.Volumes.Select(v => Item(
                E("deviceName", v.DeviceName),
                E("ebs",
                    E("volumeId", v.VolumeId),
                    E("status", "attached"),
                    E("attachTime", Timestamp(v.AttachTime)),
                    E("deleteOnTermination", Bool(v.DeleteOnTermination)))))),
            E("virtualizationType", "hvm"),
            E("iamInstanceProfile",
                E("arn", $"arn:aws:iam::{ownerId}:instance-profile/SSMManagedInstanceProfile"),
                E("id", "AIPAEXAMPLE" + node.Environment.ToUpperInvariant())),
            TagSet(node.Tags),
            E("hypervisor", "xen"),
            E("ebsOptimized", "false"),
            E("enaSupport", "true"));
    }
}

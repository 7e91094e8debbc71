using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Images;

/// <summary>The vendor AMIs the fleet was launched from, owned by their publishers (Owner <c>amazon</c>).</summary>
internal static class PublicImages
{
    public static IEnumerable<MachineImage> Create(DateTimeOffset now) => OperatingSystemProfiles.All.Select(os => new MachineImage
    {
        ImageId = os.ImageId,
        Name = os.ImageName,
        OwnerId = os.ImageOwnerId,
        Description = os.PlatformName + " " + os.PlatformVersion,
        RootDeviceName = os.RootDeviceName,
        PlatformDetails = os.Ec2PlatformDetails,
        IsWindows = os.IsWindows,
        IsPublic = true,
        CreationDate = now.AddDays(-45),
        AvailableAt = now.AddDays(-45),
        BlockDevices = [new ImageBlockDevice(os.RootDeviceName, AwsIds.FromIndex("snap-", StableHash.Of(os.Key), 0, 11), os.RootVolumeGiB, true, false)],
    });
}

namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>How one operating system looks through SSM, Patch Manager and EC2.</summary>
internal sealed record OperatingSystemProfile(
    string Key,
    string PlatformType,
    string PlatformName,
    string PlatformVersion,
    string BaselineOperatingSystem,
    string Product,
    string ProductFamily,
    string PatchPluginName,
    string Ec2PlatformDetails,
    string RootDeviceName,
    string DataDeviceName,
    string ImageId,
    string ImageName,
    string ImageOwnerId,
    int RootVolumeGiB)
{
    public bool IsWindows => PlatformType == "Windows";
}

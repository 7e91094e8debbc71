namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>
/// The patch properties Patch Manager knows per operating system family (DescribePatchProperties): Windows
/// filters on Microsoft's catalogue, Debian-based systems on apt's priority and section, RPM-based ones on the
/// advisory data; a key of another family is refused.
/// </summary>
internal static class FilterKeysByOperatingSystem
{
    private static readonly HashSet<string> Windows = new(StringComparer.Ordinal)
    {
        "PATCH_SET", "PRODUCT", "PRODUCT_FAMILY", "CLASSIFICATION", "MSRC_SEVERITY", "PATCH_ID",
    };

    private static readonly HashSet<string> Debian = new(StringComparer.Ordinal) { "PRODUCT", "PRIORITY", "SECTION", "NAME" };

    private static readonly HashSet<string> MacOs = new(StringComparer.Ordinal) { "PRODUCT", "CLASSIFICATION" };

    private static readonly HashSet<string> Rpm = new(StringComparer.Ordinal)
    {
        "PRODUCT", "CLASSIFICATION", "SEVERITY", "SECURITY", "NAME", "ARCH", "EPOCH", "VERSION", "RELEASE", "REPOSITORY",
        "ADVISORY_ID", "BUGZILLA_ID", "CVE_ID",
    };

    public static bool Supports(string operatingSystem, string key) => operatingSystem switch
    {
        "WINDOWS" => Windows.Contains(key),
        "UBUNTU" or "DEBIAN" or "RASPBIAN" => Debian.Contains(key),
        "MACOS" => MacOs.Contains(key),
        _ => Rpm.Contains(key),
    };
}

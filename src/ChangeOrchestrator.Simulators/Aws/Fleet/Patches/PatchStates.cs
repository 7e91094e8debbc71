namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>Patch compliance states as the service sends them (PascalCase, unlike the SDK's constants).</summary>
internal static class PatchStates
{
    public const string Installed = "Installed";
    public const string InstalledOther = "InstalledOther";
    public const string InstalledPendingReboot = "InstalledPendingReboot";
    public const string InstalledRejected = "InstalledRejected";
    public const string Missing = "Missing";
    public const string NotApplicable = "NotApplicable";
    public const string Failed = "Failed";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Installed, InstalledOther, InstalledPendingReboot, InstalledRejected, Missing, NotApplicable, Failed, "AvailableSecurityUpdate",
    };

    public static bool IsNonCompliant(string state) => state is Missing or Failed or InstalledPendingReboot or InstalledRejected;
}

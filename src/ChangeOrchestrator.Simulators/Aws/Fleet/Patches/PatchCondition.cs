namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>What is true on the server; what Patch Manager reports also depends on the baseline.</summary>
internal enum PatchCondition : byte
{
    NotApplicable,
    NotInstalled,
    Failed,
    Installed,
    InstalledPendingReboot,
}

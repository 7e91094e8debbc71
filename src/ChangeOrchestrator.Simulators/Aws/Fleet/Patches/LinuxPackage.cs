namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>A package common to the simulated distributions; Debian-family names differ from RPM ones.</summary>
internal sealed record LinuxPackage(
    string RpmName,
    string DebianName,
    string Section,
    string Classification,
    string Severity,
    string Version,
    bool RequiresReboot = false,
    string? RequiredApplication = null);

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>The facts of one AWS-RunPatchBaseline run that end up in the compliance report.</summary>
internal sealed record PatchRunContext(
    string Operation,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string SnapshotId,
    string? RebootOption,
    string InstallOverrideList,
    DateTimeOffset? NoRebootInstallTime = null);

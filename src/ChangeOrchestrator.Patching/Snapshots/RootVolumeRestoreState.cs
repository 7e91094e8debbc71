namespace ChangeOrchestrator.Patching.Snapshots;

public enum RootVolumeRestoreState
{
    Pending,
    InProgress,
    Failing,
    Succeeded,

    /// <summary>The restore failed; the original root volume is still attached.</summary>
    Failed,

    /// <summary>The restore failed with the server left without a root volume: needs an operator.</summary>
    FailedDetached,
}

namespace ChangeOrchestrator.Patching.Snapshots;

public enum SnapshotState
{
    Pending,
    Completed,

    /// <summary>The snapshot failed and cannot be used to restore.</summary>
    Error,
}

namespace ChangeOrchestrator.Patching.Snapshots;

public sealed record SnapshotSetStatus
{
    public required IReadOnlyList<SnapshotProgress> Snapshots { get; init; }

    /// <summary>Error if any snapshot failed, Completed when all completed, Pending otherwise.</summary>
    public SnapshotState State =>
        Snapshots.Any(s => s.State == SnapshotState.Error) ? SnapshotState.Error
        : Snapshots.All(s => s.State == SnapshotState.Completed) ? SnapshotState.Completed
        : SnapshotState.Pending;

    public bool IsDone => State != SnapshotState.Pending;
}

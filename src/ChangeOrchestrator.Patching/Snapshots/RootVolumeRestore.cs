namespace ChangeOrchestrator.Patching.Snapshots;

public sealed record RootVolumeRestore
{
    public required string TaskId { get; init; }

    public required string InstanceId { get; init; }

    public string? SnapshotId { get; init; }

    public required RootVolumeRestoreState State { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsDone => State is RootVolumeRestoreState.Succeeded or RootVolumeRestoreState.Failed or RootVolumeRestoreState.FailedDetached;
}

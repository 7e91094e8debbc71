namespace ChangeOrchestrator.Patching.Snapshots;

public sealed record SnapshotProgress
{
    public required string SnapshotId { get; init; }

    public required string VolumeId { get; init; }

    public required SnapshotState State { get; init; }

    /// <summary>Percent done, 0 to 100, when the service reports it.</summary>
    public int? PercentDone { get; init; }

    /// <summary>Why the snapshot failed, for snapshots in <see cref="SnapshotState.Error"/>.</summary>
    public string? Message { get; init; }
}

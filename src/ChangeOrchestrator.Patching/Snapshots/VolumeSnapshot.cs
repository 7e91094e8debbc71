namespace ChangeOrchestrator.Patching.Snapshots;

public sealed record VolumeSnapshot
{
    public required string SnapshotId { get; init; }

    public required string VolumeId { get; init; }

    /// <summary>The boot volume: the one a root-volume restore uses.</summary>
    public required bool IsRootVolume { get; init; }

    public int? SizeGiB { get; init; }

    public required SnapshotState State { get; init; }
}

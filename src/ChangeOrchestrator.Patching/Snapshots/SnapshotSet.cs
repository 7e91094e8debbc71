namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>The snapshots taken together, crash-consistent, of every volume attached to one server.</summary>
public sealed record SnapshotSet
{
    public required string InstanceId { get; init; }

    public required string ChangeNumber { get; init; }

    public required string IdempotencyKey { get; init; }

    public required IReadOnlyList<VolumeSnapshot> Snapshots { get; init; }

    /// <summary>True when the snapshots were found from an earlier request rather than created now.</summary>
    public bool FoundExisting { get; init; }

    public string? RootSnapshotId => Snapshots.FirstOrDefault(s => s.IsRootVolume)?.SnapshotId;
}

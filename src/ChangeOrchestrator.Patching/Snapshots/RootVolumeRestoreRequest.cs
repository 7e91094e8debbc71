namespace ChangeOrchestrator.Patching.Snapshots;

public sealed record RootVolumeRestoreRequest
{
    public required string InstanceId { get; init; }

    /// <summary>A completed snapshot of this server's root volume (see <see cref="SnapshotSet.RootSnapshotId"/>).</summary>
    public required string SnapshotId { get; init; }

    /// <summary>1 to 64 characters; a repeated request with the same key returns the restore already started.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Delete the replaced (patched) root volume once the restore succeeds; kept detached by default.</summary>
    public bool DeleteReplacedRootVolume { get; init; }
}

namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>
/// Pre-change snapshots of a server's volumes and the rollback of its root volume from them.
/// Failures surface as <see cref="Fleet.FleetException"/>.
/// </summary>
public interface ISnapshotService
{
    /// <summary>
    /// Snapshots every volume attached to each server in one crash-consistent set per server, tagged with the change
    /// number and the idempotency key; when snapshots carrying that key already exist for a server they are returned
    /// instead. A set found that way is returned whatever its state, so after an error snapshot again under a new key.
    /// The sets come back in the order of the requests (one per request; a repeated request gets the same set).
    /// Hybrid (<c>mi-</c>) nodes have no volumes to snapshot: a batch naming one is refused before anything is done.
    /// </summary>
    Task<IReadOnlyList<SnapshotSet>> CreateSnapshotsAsync(IReadOnlyList<SnapshotRequest> requests, CancellationToken cancellationToken);

    Task<SnapshotSetStatus> GetSnapshotStatusAsync(IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken);

    /// <summary>
    /// The state of the snapshots taken under one idempotency key, read by the key rather than by id so that a large
    /// set costs as few reads as the service's page size allows; ids not found under the key are absent.
    /// </summary>
    Task<SnapshotSetStatus> GetSnapshotStatusAsync(string idempotencyKey, IReadOnlyCollection<string> snapshotIds, CancellationToken cancellationToken);

    /// <summary>One read: whether any snapshot under the key is still pending, and when the slowest seen should be done.</summary>
    Task<PendingSnapshots> GetPendingAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the server's root volume with a new one made from the snapshot; the server keeps its id, network
    /// identity and data volumes, and its guest restarts during the swap. Only the root volume is restored: data
    /// volumes need a volume created from their snapshot and attached in place of the current one, which is not
    /// automated here.
    /// </summary>
    Task<RootVolumeRestore> RestoreRootVolumeAsync(RootVolumeRestoreRequest request, CancellationToken cancellationToken);

    Task<RootVolumeRestore> GetRestoreStatusAsync(string taskId, CancellationToken cancellationToken);
}

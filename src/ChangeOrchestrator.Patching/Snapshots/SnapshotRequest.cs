namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>
/// Snapshots of one server before a change. The idempotency key (1 to 64 characters of letters, digits and
/// <c>._:-</c>) is written on the snapshots, so a repeated request finds them instead of snapshotting again.
/// </summary>
public sealed record SnapshotRequest
{
    public required string InstanceId { get; init; }

    public required string ChangeNumber { get; init; }

    public required string IdempotencyKey { get; init; }
}

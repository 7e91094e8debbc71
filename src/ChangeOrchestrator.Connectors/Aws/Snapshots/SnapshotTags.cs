namespace ChangeOrchestrator.Connectors.Aws.Snapshots;

/// <summary>Tags written on snapshots and restore tasks; the idempotency key and instance id are how they are found again.</summary>
internal static class SnapshotTags
{
    public const string ChangeNumber = "change-orchestrator:change-number";

    public const string IdempotencyKey = "change-orchestrator:idempotency-key";

    public const string InstanceId = "change-orchestrator:instance-id";

    /// <summary>The root volume at snapshot time, so the root snapshot is known even after the root was replaced.</summary>
    public const string RootVolumeId = "change-orchestrator:root-volume-id";
}

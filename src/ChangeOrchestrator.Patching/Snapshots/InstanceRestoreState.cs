using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>The restore of one server's root volume, as last seen.</summary>
public sealed record InstanceRestoreState
{
    public required string InstanceId { get; init; }

    [Description("The replacement task; absent when the restore could not be started.")]
    public string? TaskId { get; init; }

    public required string SnapshotId { get; init; }

    [Description("pending, inProgress, failing, succeeded, failed (original root still attached) or failedDetached (no root volume: needs an operator).")]
    public required RootVolumeRestoreState State { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    [Description("Why the restore failed.")]
    public string? Message { get; init; }
}

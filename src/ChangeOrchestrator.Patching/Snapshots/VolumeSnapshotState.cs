using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>One snapshot of one volume of a server, as last seen.</summary>
public sealed record VolumeSnapshotState
{
    public required string InstanceId { get; init; }

    public required string SnapshotId { get; init; }

    public required string VolumeId { get; init; }

    [Description("The boot volume: the snapshot a root-volume restore uses.")]
    public required bool IsRootVolume { get; init; }

    public int? SizeGiB { get; init; }

    [Description("pending, completed or error.")]
    public required SnapshotState State { get; init; }

    public int? PercentDone { get; init; }

    [Description("Why the snapshot failed.")]
    public string? Message { get; init; }
}

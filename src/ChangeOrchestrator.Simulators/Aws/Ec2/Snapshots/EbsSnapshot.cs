using System.Globalization;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;

/// <summary>
/// A point-in-time copy of a volume. Its state is derived from the clock when read: pending with rising progress,
/// then completed, or error half-way for volumes armed to fail. A root-volume snapshot remembers the server's
/// installed updates, which a root-volume replacement from it restores.
/// </summary>
internal sealed class EbsSnapshot
{
    public required string SnapshotId { get; init; }

    public required string VolumeId { get; init; }

    public required int VolumeSizeGiB { get; init; }

    public required string OwnerId { get; init; }

    public required string Description { get; init; }

    public required bool Encrypted { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset CompleteAt { get; init; }

    /// <summary>When the snapshot turns to <c>error</c>; null when it will complete.</summary>
    public DateTimeOffset? FailAt { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>The original root volume this snapshot descends from; empty for data volumes.</summary>
    public string RootLineage { get; init; } = "";

    public NodePatchState? CapturedPatches { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public string State(DateTimeOffset now) =>
        FailAt is { } fail && now >= fail ? "error" : now >= CompleteAt ? "completed" : "pending";

    public string Progress(DateTimeOffset now)
    {
        var until = FailAt is { } fail && now >= fail ? fail : now;
        if (until >= CompleteAt)
        {
            return "100%";
        }

        var fraction = (until - StartTime) / (CompleteAt - StartTime);
        return ((int)Math.Clamp(fraction * 100, 0, 99)).ToString(CultureInfo.InvariantCulture) + "%";
    }

    public string? StatusMessage(DateTimeOffset now) =>
        State(now) == "error" ? "Snapshot creation failed: the source volume could not be read (simulated fault)." : null;
}

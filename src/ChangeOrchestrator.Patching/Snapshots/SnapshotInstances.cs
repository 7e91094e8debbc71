using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>
/// Takes the pre-change snapshots: every volume attached to each server, in one crash-consistent set per server,
/// tagged with the change number and a key derived from the activity's idempotency key, so a re-run after a crash
/// finds the snapshots instead of taking more. The wait is a series of poll timers with backoff: each poll first asks
/// with one call whether any snapshot is still pending, and the next poll is timed for when the slowest should be
/// done, so the set itself (a call per 1,000 snapshots) is read about once, after it completed.
/// </summary>
[Activity("Snapshots every volume attached to each server, tagged with the change number (found again after a crash), and polls until they complete; continues on Failed with the snapshots that failed.", Category = "Snapshots")]
[Outcomes("Done", "Failed")]
[Suspends]
[StreamsState]
public sealed class SnapshotInstances(ISnapshotService snapshots) : PatchingActivity<SnapshotInstances.Input, SnapshotInstances.Output>
{
    private const string SnapshotsKey = "snapshots";

    private const string SkippedKey = "skipped";

    /// <summary>Set when the next poll is timed for the expected end: it reads the whole set without looking first.</summary>
    private const string ReadAllKey = "readAll";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        context.BeginExecution();
        List<VolumeSnapshotState> taken;
        if (context.State[SnapshotsKey] is null)
        {
            taken = await TakeAsync(context, cancellationToken);
            if (taken.Count > 0)
            {
                return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
            }
        }
        else
        {
            var key = IdempotencyTokens.From(context.IdempotencyKey);
            if (context.State[ReadAllKey]?.GetValue<bool>() != true)
            {
                // One cheap look first; the whole set is read only once it should be done.
                var pending = await snapshots.GetPendingAsync(key, cancellationToken);
                if (pending.Any)
                {
                    return Wait(context, pending.ExpectedRemaining);
                }
            }

            // The set kept in the state is read only now: a poll that found some still pending read none of it.
            taken = await RefreshAsync(key, await context.ReadStateListAsync<VolumeSnapshotState>(SnapshotsKey, cancellationToken) ?? [], cancellationToken);
            if (taken.Exists(s => s.State == SnapshotState.Pending))
            {
                context.Write(SnapshotsKey, taken);
                return Wait(context, expectedRemaining: null);
            }
        }

        var failed = taken.Where(s => s.State == SnapshotState.Error).ToList();
        context.Journal($"{taken.Count - failed.Count} of {taken.Count} snapshots completed for {input.ChangeNumber}");
        return Outcome(failed.Count == 0 ? ActivityResult.DoneOutcome : "Failed", new Output
        {
            ChangeNumber = input.ChangeNumber,
            Snapshots = taken,
            SnapshotIds = [.. taken.Select(s => s.SnapshotId)],
            RootSnapshots = taken.Where(s => s.IsRootVolume).ToDictionary(s => s.InstanceId, s => s.SnapshotId, StringComparer.Ordinal),
            FailedSnapshots = failed,
            SkippedInstanceIds = await context.ReadStateListAsync<string>(SkippedKey, cancellationToken) ?? [],
        });
    }

    private async Task<List<VolumeSnapshotState>> TakeAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var ids = input.InstanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || string.IsNullOrWhiteSpace(input.ChangeNumber))
        {
            throw new ActivityException($"SnapshotInstances '{context.ActivityId}' needs instance ids and the change number.", isTransient: false);
        }

        // On-premises nodes (mi-) have no EBS volumes: nothing to snapshot, and the service refuses them.
        var skipped = ids.Where(id => id.StartsWith("mi-", StringComparison.Ordinal)).ToList();
        var key = IdempotencyTokens.From(context.IdempotencyKey);
        var sets = await snapshots.CreateSnapshotsAsync(
            [.. ids.Except(skipped).Select(id => new SnapshotRequest { InstanceId = id, ChangeNumber = input.ChangeNumber, IdempotencyKey = key })],
            cancellationToken);
        var found = sets.Count(set => set.FoundExisting);
        var taken = sets.SelectMany(set => set.Snapshots.Select(s => new VolumeSnapshotState
        {
            InstanceId = set.InstanceId,
            SnapshotId = s.SnapshotId,
            VolumeId = s.VolumeId,
            IsRootVolume = s.IsRootVolume,
            SizeGiB = s.SizeGiB,
            State = s.State,
        })).ToList();

        context.Write(SnapshotsKey, taken);
        context.Write(SkippedKey, skipped);
        context.Journal($"{taken.Count} snapshots of {ids.Count - skipped.Count} servers for {input.ChangeNumber} ({found} sets found from an earlier run)");
        return taken;
    }

    /// <summary>
    /// The next poll: when the slowest snapshot's progress says it will be done within the longest poll interval,
    /// at that time (plus a tenth), and that poll reads the whole set; otherwise the usual backoff, and a cheap look.
    /// </summary>
    private static ActivityResult Wait(ActivityContext<Input> context, TimeSpan? expectedRemaining)
    {
        var input = context.Input;
        if (expectedRemaining is { } left && left + (left / 10) <= input.MaxPollInterval)
        {
            var due = left + (left / 10);
            context.State[ReadAllKey] = true;
            return PollSchedule.After(context, due < input.PollInterval ? input.PollInterval : due);
        }

        context.State.Remove(ReadAllKey);
        return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
    }

    private async Task<List<VolumeSnapshotState>> RefreshAsync(string key, List<VolumeSnapshotState> taken, CancellationToken cancellationToken)
    {
        // Only what was still pending is read again: a completed or failed snapshot stays so.
        var pending = taken.Where(s => s.State == SnapshotState.Pending).Select(s => s.SnapshotId).ToList();
        var status = await snapshots.GetSnapshotStatusAsync(key, pending, cancellationToken);
        var progress = status.Snapshots.ToDictionary(s => s.SnapshotId, StringComparer.Ordinal);
        return [.. taken.Select(s => s.State != SnapshotState.Pending ? s : progress.TryGetValue(s.SnapshotId, out var now)
            ? s with { State = now.State, PercentDone = now.PercentDone, Message = now.Message }
            : s with { State = SnapshotState.Error, Message = $"Snapshot {s.SnapshotId} no longer exists." })];
    }

    public sealed record Input
    {
        [Description("The servers to snapshot; on-premises (mi-) nodes are skipped.")]
        public required IReadOnlyList<string> InstanceIds { get; init; }

        [Description("The change the snapshots are taken for, tagged on each snapshot.")]
        public required string ChangeNumber { get; init; }

        [Description("The first wait before reading progress (ISO 8601); doubles on each poll.")]
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

        [Description("The longest wait between two polls (ISO 8601).")]
        public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(5);
    }

    public sealed record Output
    {
        public required string ChangeNumber { get; init; }

        [Description("Every snapshot: server, volume, root or not, state.")]
        public required IReadOnlyList<VolumeSnapshotState> Snapshots { get; init; }

        public required IReadOnlyList<string> SnapshotIds { get; init; }

        [Description("Server id to the snapshot of its root volume, for a rollback.")]
        public required IReadOnlyDictionary<string, string> RootSnapshots { get; init; }

        [Description("The snapshots that failed, with why.")]
        public required IReadOnlyList<VolumeSnapshotState> FailedSnapshots { get; init; }

        [Description("On-premises servers, which have no volumes to snapshot.")]
        public required IReadOnlyList<string> SkippedInstanceIds { get; init; }
    }
}

using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Results;
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
        var key = IdempotencyTokens.From(context.IdempotencyKey);
        var progress = new Dictionary<string, SnapshotProgress>(StringComparer.Ordinal);
        if (context.State[SnapshotsKey] is null)
        {
            if (await TakeAsync(context, cancellationToken) > 0)
            {
                return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
            }
        }
        else
        {
            if (context.State[ReadAllKey]?.GetValue<bool>() != true)
            {
                // One cheap look first; the whole set is read only once it should be done.
                var pending = await snapshots.GetPendingAsync(key, cancellationToken);
                if (pending.Any)
                {
                    return Wait(context, pending.ExpectedRemaining);
                }
            }

            // The state keeps the snapshots as they were taken: what was pending then is read again, by the key, until
            // none is. A poll that found some still pending read none of the set, and writes none of it back.
            var pendingWhenTaken = await PendingIdsAsync(context, cancellationToken);
            progress = (await snapshots.GetSnapshotStatusAsync(key, pendingWhenTaken, cancellationToken)).Snapshots.ToDictionary(s => s.SnapshotId, StringComparer.Ordinal);
            if (progress.Values.Any(s => s.State == SnapshotState.Pending))
            {
                return Wait(context, expectedRemaining: null);
            }
        }

        return await CompleteAsync(context, progress, cancellationToken);
    }

    /// <summary>
    /// The output, a page of the taken snapshots at a time with what was pending brought up to date: the set of a
    /// 50,000-server change (some 80,000 volumes) is written away as it is read, never held whole.
    /// </summary>
    private static async Task<ActivityResult> CompleteAsync(
        ActivityContext<Input> context, Dictionary<string, SnapshotProgress> progress, CancellationToken cancellationToken)
    {
        var stored = context.State[SnapshotsKey];
        var count = ResultReference.CountOf(stored) ?? 0;
        var all = OutputList<VolumeSnapshotState>.For(context, "snapshots", count);
        var ids = OutputList<string>.For(context, "snapshotIds", count);
        var roots = OutputMap<string>.For(context, "rootSnapshots", count);
        var failed = new List<VolumeSnapshotState>();
        await foreach (var page in context.ReadListAsync<VolumeSnapshotState>(stored, SnapshotsKey, cancellationToken).Chunk(OutputList<VolumeSnapshotState>.PageSize))
        {
            var now = page.Select(s => Refreshed(s, progress)).ToList();
            failed.AddRange(now.Where(s => s.State == SnapshotState.Error));
            await all.AddAsync(now, cancellationToken);
            await ids.AddAsync([.. now.Select(s => s.SnapshotId)], cancellationToken);
            await roots.AddAsync([.. now.Where(s => s.IsRootVolume).Select(s => KeyValuePair.Create(s.InstanceId, s.SnapshotId))], cancellationToken);
        }

        var written = new Dictionary<string, JsonNode>();
        await all.CompleteAsync(written, cancellationToken);
        await ids.CompleteAsync(written, cancellationToken);
        await roots.CompleteAsync(written, cancellationToken);
        var input = context.Input;
        context.Journal($"{all.Count - failed.Count} of {all.Count} snapshots completed for {input.ChangeNumber}");
        return Outcome(failed.Count == 0 ? ActivityResult.DoneOutcome : "Failed", new Output
        {
            ChangeNumber = input.ChangeNumber,
            Snapshots = all.Held,
            SnapshotIds = ids.Held,
            RootSnapshots = roots.Held,
            FailedSnapshots = failed,
            SkippedInstanceIds = await context.ReadStateListAsync<string>(SkippedKey, cancellationToken) ?? [],
        }, written);
    }

    /// <summary>The snapshots that were pending when taken: only their ids are held while the set is read.</summary>
    private static async Task<List<string>> PendingIdsAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        await foreach (var snapshot in context.ReadListAsync<VolumeSnapshotState>(context.State[SnapshotsKey], SnapshotsKey, cancellationToken))
        {
            if (snapshot.State == SnapshotState.Pending)
            {
                pending.Add(snapshot.SnapshotId);
            }
        }

        return pending;
    }

    /// <summary>A completed or failed snapshot stays so; a pending one takes the state just read, and one no longer found has failed.</summary>
    private static VolumeSnapshotState Refreshed(VolumeSnapshotState snapshot, Dictionary<string, SnapshotProgress> progress) =>
        snapshot.State != SnapshotState.Pending ? snapshot
        : progress.TryGetValue(snapshot.SnapshotId, out var now) ? snapshot with { State = now.State, PercentDone = now.PercentDone, Message = now.Message }
        : snapshot with { State = SnapshotState.Error, Message = $"Snapshot {snapshot.SnapshotId} no longer exists." };

    /// <summary>Takes the snapshots (or finds those of an earlier run) and keeps them in the state; returns how many.</summary>
    private async Task<int> TakeAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        // The change number is checked first: it costs no read of the server list.
        if (string.IsNullOrWhiteSpace(input.ChangeNumber))
        {
            throw new ActivityException($"SnapshotInstances '{context.ActivityId}' needs the change number.", isTransient: false);
        }

        var ids = (await InstanceIdInput.ReadAsync(context, input.InstanceIds, cancellationToken)).Order(StringComparer.Ordinal).ToList();

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
        return taken.Count;
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

    public sealed record Input
    {
        [Description("The servers to snapshot, a list of instance ids read when the snapshots are taken; on-premises (mi-) nodes are skipped.")]
        [StreamsResults(DataType.Array)]
        public required JsonNode? InstanceIds { get; init; }

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

using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>
/// Rolls servers back by replacing each one's root volume with the pre-change snapshot of it. Each restore carries a
/// token derived from the activity's idempotency key and the server, so a re-run after a crash gets the restore it
/// started instead of starting a second; the wait is a series of poll timers with backoff.
/// </summary>
[Activity("Restores each server's root volume from its pre-change snapshot (started once, even across crashes) and polls until every restore ends; continues on Failed when a server could not be restored or has no snapshot.", Category = "Snapshots")]
[Outcomes("Done", "Failed")]
[Suspends]
public sealed class RollbackInstances(ISnapshotService snapshots) : PatchingActivity<RollbackInstances.Input, RollbackInstances.Output>
{
    /// <summary>Restores started or read at once; the connector's token buckets set the pace within it.</summary>
    private const int MaxInFlight = 16;

    private const string RestoresKey = "restores";

    private const string NotRestorableKey = "notRestorable";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        context.BeginExecution();
        var restores = context.Read<List<InstanceRestoreState>>(RestoresKey);
        restores = restores is null ? await StartAsync(context, cancellationToken) : await RefreshAsync(restores, cancellationToken);
        context.Write(RestoresKey, restores);
        if (!restores.TrueForAll(IsDone))
        {
            return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
        }

        var notRestorable = context.Read<List<string>>(NotRestorableKey) ?? [];
        var restored = restores.Where(r => r.State == RootVolumeRestoreState.Succeeded).Select(r => r.InstanceId).ToList();
        var failed = restores.Where(r => r.State != RootVolumeRestoreState.Succeeded).Select(r => r.InstanceId).ToList();
        context.Journal($"Restored {restored.Count} of {restores.Count + notRestorable.Count} servers for {input.ChangeNumber}; {failed.Count} failed, {notRestorable.Count} without a snapshot");
        return Outcome(failed.Count == 0 && notRestorable.Count == 0 ? ActivityResult.DoneOutcome : "Failed", new Output
        {
            ChangeNumber = input.ChangeNumber,
            RestoredIds = restored,
            FailedIds = failed,
            Restores = restores,
            NotRestorableIds = notRestorable,
        });
    }

    private async Task<List<InstanceRestoreState>> StartAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var ids = input.InstanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || string.IsNullOrWhiteSpace(input.ChangeNumber))
        {
            throw new ActivityException($"RollbackInstances '{context.ActivityId}' needs instance ids and the change number.", isTransient: false);
        }

        var rootSnapshots = input.RootSnapshots ?? new Dictionary<string, string>();
        var notRestorable = ids.Where(id => !rootSnapshots.TryGetValue(id, out var snapshotId) || string.IsNullOrWhiteSpace(snapshotId)).ToList();
        var restorable = ids.Except(notRestorable).ToList();
        var started = new InstanceRestoreState[restorable.Count];

        // Each restore carries its own client token, so they can go out together; the connector paces the calls.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, restorable.Count), parallel, async (index, token) =>
        {
            var instanceId = restorable[index];
            var snapshotId = rootSnapshots[instanceId];
            try
            {
                var restore = await snapshots.RestoreRootVolumeAsync(new RootVolumeRestoreRequest
                {
                    InstanceId = instanceId,
                    SnapshotId = snapshotId,

                    // One token per server: the service keys a restore by its token, and each server needs its own.
                    IdempotencyKey = IdempotencyTokens.From($"{context.IdempotencyKey}:{instanceId}"),
                    DeleteReplacedRootVolume = input.DeleteReplacedRootVolume,
                }, token);
                started[index] = From(restore, snapshotId);
            }
            catch (FleetException ex) when (!ex.IsTransient)
            {
                // The service refused this server (not running, snapshot of another volume...): the others still go ahead.
                started[index] = new InstanceRestoreState { InstanceId = instanceId, SnapshotId = snapshotId, State = RootVolumeRestoreState.Failed, Message = ex.Message };
            }
        });
        var restores = started.ToList();

        context.Write(NotRestorableKey, notRestorable);
        context.Journal($"Started {restores.Count(r => r.TaskId is not null)} root-volume restores for {input.ChangeNumber}; {notRestorable.Count} servers have no root snapshot");
        return restores;
    }

    private async Task<List<InstanceRestoreState>> RefreshAsync(List<InstanceRestoreState> restores, CancellationToken cancellationToken)
    {
        var refreshed = new InstanceRestoreState[restores.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, restores.Count), parallel, async (index, token) =>
        {
            var restore = restores[index];
            refreshed[index] = IsDone(restore) || restore.TaskId is not { } taskId
                ? restore
                : From(await snapshots.GetRestoreStatusAsync(taskId, token), restore.SnapshotId);
        });
        return [.. refreshed];
    }

    private static bool IsDone(InstanceRestoreState restore) =>
        restore.State is RootVolumeRestoreState.Succeeded or RootVolumeRestoreState.Failed or RootVolumeRestoreState.FailedDetached;

    private static InstanceRestoreState From(RootVolumeRestore restore, string snapshotId) => new()
    {
        InstanceId = restore.InstanceId,
        TaskId = restore.TaskId,
        SnapshotId = restore.SnapshotId ?? snapshotId,
        State = restore.State,
        StartedAt = restore.StartedAt,
        CompletedAt = restore.CompletedAt,
        Message = restore.State switch
        {
            RootVolumeRestoreState.Failed => $"The restore of {restore.InstanceId} failed; its patched root volume is still attached.",
            RootVolumeRestoreState.FailedDetached => $"The restore of {restore.InstanceId} failed and left it without a root volume: an operator must attach one.",
            _ => null,
        },
    };

    public sealed record Input
    {
        [Description("The servers to roll back, e.g. the failedIds of PatchInstances.")]
        public required IReadOnlyList<string> InstanceIds { get; init; }

        [Description("Server id to the snapshot of its root volume: the rootSnapshots output of SnapshotInstances. A server absent from it cannot be restored.")]
        public required IReadOnlyDictionary<string, string>? RootSnapshots { get; init; }

        [Description("The change the rollback belongs to, for the journal and the output.")]
        public required string ChangeNumber { get; init; }

        [Description("Delete the replaced (patched) root volume once the restore succeeds; false keeps it detached for investigation.")]
        public bool DeleteReplacedRootVolume { get; init; }

        [Description("The first wait before reading progress (ISO 8601); doubles on each poll.")]
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

        [Description("The longest wait between two polls (ISO 8601).")]
        public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(5);
    }

    public sealed record Output
    {
        public required string ChangeNumber { get; init; }

        [Description("Servers whose root volume was replaced by the pre-change snapshot.")]
        public required IReadOnlyList<string> RestoredIds { get; init; }

        [Description("Servers whose restore was refused or failed; see restores for why.")]
        public required IReadOnlyList<string> FailedIds { get; init; }

        [Description("Per server: task id, snapshot id, state, start and end, and why it failed.")]
        public required IReadOnlyList<InstanceRestoreState> Restores { get; init; }

        [Description("Servers with no root snapshot (e.g. on-premises mi- nodes): nothing was restored.")]
        public required IReadOnlyList<string> NotRestorableIds { get; init; }
    }
}

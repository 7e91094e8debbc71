using System.Diagnostics;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Persistence.Recovery;
using ChangeOrchestrator.Server.Health;
using ChangeOrchestrator.Server.Telemetry;
using ChangeOrchestrator.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Workers;

/// <summary>
/// Finds work stuck on nodes that are gone and frees it: instance leases that ran out mid-burst (journaled on the
/// instance), timers whose claim ran out or reaches impossibly far (journaled on the instance), webhook deliveries
/// claimed by a dead node (recorded on the delivery, which has no instance yet), and
/// buffered stimuli whose delivery to an existing bookmark was cut short (delivered now, which the journal shows as a
/// resume). Every node runs it; each release is conditional, so two nodes never both recover one thing.
/// </summary>
internal sealed partial class ReconcilerWorker(
    IRecoveryStore recovery,
    IStimulusBuffer stimuli,
    WorkflowRuntime runtime,
    WorkerHeartbeats heartbeats,
    IOptions<RuntimeWorkerOptions> options,
    IOptions<EngineOptions> engine,
    IOptions<WebhooksOptions> webhooks,
    TimeProvider time,
    ILogger<ReconcilerWorker> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReconcileInterval;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            heartbeats.Beat(nameof(ReconcilerWorker), interval);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One pass; returns what it recovered.</summary>
    internal async Task<IReadOnlyList<Recovery>> ReconcileAsync(CancellationToken cancellationToken)
    {
        var recovered = new List<Recovery>();
        // A lease that ran out in database time is free: a live holder renews every third of it, so one that missed
        // three renewals has lost it either way (its next renewal or commit finds it gone and stops before any side effect).
        recovered.AddRange(await recovery.ReleaseExpiredLeasesAsync(TimeSpan.Zero, Batch, cancellationToken));
        recovered.AddRange(await recovery.ReleaseStuckTimersAsync(engine.Value.TimerClaimDuration * 2, Batch, cancellationToken));
        recovered.AddRange(await recovery.ReleaseStuckDeliveriesAsync(webhooks.Value.Processing.ClaimDuration * 2, Batch, cancellationToken));
        foreach (var (id, kind, key) in await recovery.FindStrandedStimuliAsync(options.Value.ReconcileInterval, Batch, cancellationToken))
        {
            var pending = (await stimuli.FindPendingAsync(kind, key, cancellationToken)).FirstOrDefault(s => s.Id == id);
            if (pending is null)
            {
                continue;
            }

            try
            {
                // The same id: the runtime finds the buffered copy and gives it to a bookmark, exactly once.
                if ((await runtime.RaiseEventAsync(kind, key, pending.Payload, id, cancellationToken)).Resumed > 0)
                {
                    recovered.Add(new Recovery(Recovery.StrandedStimulus, id, null));
                }
            }
            catch (InstanceBusyException)
            {
                // Its instance is running elsewhere: the next pass tries again.
            }
        }

        foreach (var item in recovered)
        {
            ServerMetrics.Recoveries.Add(1, new TagList { { "kind", item.Kind } });
            LogRecovered(logger, item.Kind, item.Id, item.HeldBy ?? "-");
        }

        return recovered;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Recovered {Kind} {Id}, held by {Node}")]
    private static partial void LogRecovered(ILogger logger, string kind, string id, string node);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Reconciling stuck work failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

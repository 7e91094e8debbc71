using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Server.Health;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Workers;

/// <summary>
/// Fires due timers (delays, retries, timeouts, polls) by resuming their instances, up to
/// <see cref="EngineOptions.TimerConcurrency"/> instances at a time. It claims only as many due timers as it has free
/// slots, and claims again as soon as a slot frees: a burst that waits on a slow system holds up its own instance, not
/// every other due timer of the node, and what this node cannot take now stays claimable by the others.
/// </summary>
internal sealed partial class TimerWorker(
    WorkflowRuntime runtime,
    IOptions<RuntimeWorkerOptions> options,
    IOptions<EngineOptions> engine,
    WorkerHeartbeats heartbeats,
    TimeProvider time,
    ILogger<TimerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.TimerPollInterval;
        var slots = engine.Value.TimerConcurrency;
        var firing = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            firing.RemoveAll(t => t.IsCompleted);
            var more = false;
            try
            {
                var free = Math.Min(slots - firing.Count, engine.Value.TimerBatchSize);
                if (free > 0)
                {
                    var due = await runtime.ClaimDueTimersAsync(free, stoppingToken);
                    more = due.Count == free;
                    firing.AddRange(WorkflowRuntime.ByInstance(due).Select(group => FireAsync(group, stoppingToken)));
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            heartbeats.Beat(nameof(TimerWorker), poll);

            // A full claim means more may be due: claim again at once while slots are free; with every slot busy, the
            // first firing to end frees one. Otherwise the next poll.
            if (more && firing.Count < slots)
            {
                continue;
            }

            var wake = new List<Task> { DelayAsync(poll, stoppingToken) };
            if (firing.Count >= slots)
            {
                wake.AddRange(firing);
            }

            await Task.WhenAny(wake);
        }

        await Task.WhenAll(firing);
    }

    private async Task FireAsync(IReadOnlyList<StoredBookmark> claimed, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once: the loop goes on claiming while this instance's burst runs.
        await Task.Yield();
        try
        {
            await runtime.FireTimersAsync(claimed, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFireFailed(logger, claimed[0].InstanceId, ex);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the claims went back as the firing ended.
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends.
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Firing due timers failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Firing the due timers of instance {InstanceId} failed; they fire again on a later tick")]
    private static partial void LogFireFailed(ILogger logger, string instanceId, Exception exception);
}

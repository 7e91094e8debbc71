using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Server.Health;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Workers;

/// <summary>Fires due timers (delays, retries, timeouts, polls) by resuming their instances.</summary>
internal sealed partial class TimerWorker(
    WorkflowRuntime runtime,
    IOptions<RuntimeWorkerOptions> options,
    WorkerHeartbeats heartbeats,
    TimeProvider time,
    ILogger<TimerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TimerPollInterval, time);
        do
        {
            try
            {
                // A full batch means more may be due: keep going before sleeping.
                while (await runtime.ProcessDueTimersAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            heartbeats.Beat(nameof(TimerWorker), options.Value.TimerPollInterval);
        }
        while (await WaitAsync(timer, stoppingToken));
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

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Firing due timers failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

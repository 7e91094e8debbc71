using ChangeOrchestrator.Engine.Persistence;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Workers;

/// <summary>Moves buffered stimuli that no bookmark claimed in time to the dead-letter list.</summary>
internal sealed partial class StimulusExpiryWorker(
    IStimulusBuffer stimuli,
    IOptions<RuntimeWorkerOptions> options,
    TimeProvider time,
    ILogger<StimulusExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StimulusExpiryInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var expired = await stimuli.ExpireAsync(time.GetUtcNow(), stoppingToken);
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "{Count} stimuli matched no bookmark before expiring and were dead-lettered")]
    private static partial void LogExpired(ILogger logger, int count);
}

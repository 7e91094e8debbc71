using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Persistence.Clock;

/// <summary>Measures the <see cref="DatabaseClock"/> offset before the workers start, then every minute.</summary>
internal sealed partial class DatabaseClockSync(
    DatabaseClock clock,
    IDbContextFactory<WorkflowDbContext> contexts,
    DatabaseStartupWait wait,
    TimeProvider time,
    ILogger<DatabaseClockSync> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Reading the clock twice only measures it twice.
        await wait.RunAsync("reading the database's clock", token => clock.SyncAsync(contexts, token), cancellationToken);
        LogOffset(logger, clock.Offset.TotalMilliseconds);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                await clock.SyncAsync(contexts, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The last offset stays in use; the next minute tries again.
                LogSyncFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "This node's clock is {OffsetMs} ms behind the database's; the engine uses the database's")]
    private static partial void LogOffset(ILogger logger, double offsetMs);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Warning, Message = "Could not read the database's clock")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}

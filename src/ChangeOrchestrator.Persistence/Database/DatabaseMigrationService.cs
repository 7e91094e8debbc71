using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// Migrates in the host's Starting phase, which ends before any hosted service starts: no worker touches a table
/// the migration has not created yet. A database that cannot be reached yet (a node started beside it, or while it
/// restarts) is waited for, with growing pauses, up to <see cref="PersistenceOptions.StartupWait"/>; the node then
/// starts as soon as it answers instead of exiting.
/// </summary>
internal sealed partial class DatabaseMigrationService(
    DatabaseMigrator migrator, PersistenceOptions options, TimeProvider time, ILogger<DatabaseMigrationService> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (Exception error) when (DatabaseErrors.IsUnreachable(error) && !cancellationToken.IsCancellationRequested)
            {
                var waited = time.GetElapsedTime(started);
                if (waited + pause > options.StartupWait)
                {
                    throw new InvalidOperationException(
                        $"The database named by {options.ConnectionStringKey} could not be reached for {waited.TotalSeconds:F0} s at start-up "
                        + $"({attempt} attempts, {PersistenceOptions.SectionName}:{nameof(PersistenceOptions.StartupWait)} is {options.StartupWait}): {error.Message}",
                        error);
                }

                LogWaiting(logger, options.ConnectionStringKey, attempt, pause.TotalSeconds, error.Message);
                await Task.Delay(pause, time, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The database ({ConnectionStringKey}) cannot be reached yet (attempt {Attempt}); trying again in {PauseSeconds} s: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string connectionStringKey, int attempt, double pauseSeconds, string reason);
}

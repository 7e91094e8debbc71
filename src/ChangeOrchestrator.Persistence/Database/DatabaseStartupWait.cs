using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// Runs a start-up step that reads or writes the database, waiting for a database that cannot be reached (a node
/// started beside it, or while it restarts) with growing pauses, up to <see cref="PersistenceOptions.StartupWait"/>.
/// Every such step needs it, not only the migration: the database can go away between two steps, and a node that
/// exits then would leave its share of the work to the others until someone restarts it. A step run again must be
/// safe to repeat; each caller says why its own is.
/// </summary>
public sealed partial class DatabaseStartupWait
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private readonly PersistenceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DatabaseStartupWait> _logger;

    internal DatabaseStartupWait(PersistenceOptions options, TimeProvider time, ILogger<DatabaseStartupWait> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs <paramref name="work"/>, again after each pause while the database cannot be reached.</summary>
    /// <param name="step">What the step does, for the log and the error ("importing workflow file patch-change.json").</param>
    /// <param name="work">The step; it must be safe to run again after a connection lost under it.</param>
    /// <param name="cancellationToken">The host's start-up token: stopping the node ends the wait.</param>
    public async Task<T> RunAsync<T>(string step, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(cancellationToken);
            }
            catch (Exception error) when (DatabaseErrors.IsUnreachable(error) && !cancellationToken.IsCancellationRequested)
            {
                var waited = _time.GetElapsedTime(started);
                if (waited + pause > _options.StartupWait)
                {
                    throw new InvalidOperationException(
                        $"The database named by {_options.ConnectionStringKey} could not be reached for {waited.TotalSeconds:F0} s while {step} at start-up "
                        + $"({attempt} attempts, {PersistenceOptions.SectionName}:{nameof(PersistenceOptions.StartupWait)} is {_options.StartupWait}): {error.Message}",
                        error);
                }

                LogWaiting(_logger, _options.ConnectionStringKey, step, attempt, pause.TotalSeconds, error.Message);
                await Task.Delay(pause, _time, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    public Task RunAsync(string step, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(step, async token =>
        {
            await work(token);
            return true;
        }, cancellationToken);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The database ({ConnectionStringKey}) cannot be reached while {Step} (attempt {Attempt}); trying again in {PauseSeconds} s: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string connectionStringKey, string step, int attempt, double pauseSeconds, string reason);
}

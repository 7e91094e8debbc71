using Microsoft.EntityFrameworkCore;
using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Clock;

/// <summary>
/// This node's clock corrected to the database's: the local clock plus the offset to PostgreSQL's <c>now()</c>,
/// measured at start-up and again every minute (half the round trip counted as transit). Every instant the engine
/// writes (due times of timers, lease and claim stamps, journal times) is then on the one clock all nodes share, so a
/// node whose own clock is minutes off neither fires timers early or late nor misjudges another node's lease.
/// </summary>
public sealed class DatabaseClock : TimeProvider
{
    private readonly TimeProvider _local;
    private long _offsetTicks;

    internal DatabaseClock(TimeProvider local) => _local = local;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _local.GetUtcNow() + Offset;

    public override long GetTimestamp() => _local.GetTimestamp();

    public override long TimestampFrequency => _local.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _local.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _local.CreateTimer(callback, state, dueTime, period);

    internal async Task SyncAsync(IDbContextFactory<WorkflowDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sent = _local.GetTimestamp();
        var before = _local.GetUtcNow();
        var database = await db.Database.SqlQuery<DateTimeOffset>($"SELECT now() AS \"Value\"").SingleAsync(cancellationToken);
        var transit = _local.GetElapsedTime(sent) / 2;
        Interlocked.Exchange(ref _offsetTicks, (database - (before + transit)).Ticks);
    }
}

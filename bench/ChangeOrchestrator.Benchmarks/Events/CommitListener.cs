using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Events;

/// <summary>
/// Sees, from outside the server, the moment an instance's next activity is committed. A trigger on the journal
/// records the instance in a side table when the activity after the wait completes, in the same transaction, and the
/// listener drains that table (<c>DELETE … RETURNING</c>) every millisecond while it awaits instances: a row is
/// visible only once its transaction has committed, and each is returned once. Its <see cref="Stopwatch"/>
/// timestamp is taken when the drain's rows arrive, so a commit is seen at most one poll plus one query late, never
/// early.
/// </summary>
/// <remarks>
/// Not LISTEN/NOTIFY: PostgreSQL serializes the commits of every transaction that notified (each takes one
/// database-wide lock to queue its notifications in commit order), so a notifying trigger made the resumes it timed
/// wait for each other's commits, and the benchmark measured its own instrument.
/// </remarks>
internal sealed class CommitListener : IAsyncDisposable
{
    private const string Table = "bench_next_committed";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    // The drain leaves a dead row behind for each row it returns, and every drain reads the table's pages whole:
    // autovacuum's minute is far too long for a table drained a thousand times a second.
    private static readonly TimeSpan VacuumInterval = TimeSpan.FromMilliseconds(200);

    private readonly NpgsqlConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _committed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _awaited = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private Task _polling = Task.CompletedTask;

    private CommitListener(NpgsqlConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Installs the trigger for <paramref name="activityId"/> in the server's migrated database and starts the poller, idle until instances are awaited.</summary>
    public static async Task<CommitListener> StartAsync(string connectionString, string activityId, CancellationToken cancellationToken)
    {
        // Its own connection, outside any pool: it polls for the whole run.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var install = new NpgsqlCommand(
            $"""
            CREATE UNLOGGED TABLE IF NOT EXISTS {Table} (instance_id text NOT NULL);
            CREATE OR REPLACE FUNCTION bench_record_next_committed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM json_array_elements(NEW.entries::json) e
                         WHERE e ->> 'type' = 'ActivityCompleted' AND e ->> 'activityId' = '{activityId}') THEN
                INSERT INTO {Table} (instance_id) VALUES (NEW.instance_id);
              END IF;
              RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS bench_next_committed ON journal_bursts;
            CREATE TRIGGER bench_next_committed AFTER INSERT ON journal_bursts FOR EACH ROW
              WHEN (strpos(NEW.entries, '"activityId":"{activityId}"') > 0)
              EXECUTE FUNCTION bench_record_next_committed();
            """, connection))
        {
            await install.ExecuteNonQueryAsync(cancellationToken);
        }

        var listener = new CommitListener(connection);
        listener._polling = Task.Run(listener.PollAsync, CancellationToken.None);
        return listener;
    }

    public bool TryGet(string instanceId, out long timestamp) => _committed.TryGetValue(instanceId, out timestamp);

    /// <summary>Waits until every instance of <paramref name="instanceIds"/> has been seen, or the time is up; polls meanwhile.</summary>
    public async Task<bool> WaitForAllAsync(IReadOnlyCollection<string> instanceIds, TimeSpan limit, CancellationToken cancellationToken)
    {
        Await(instanceIds);
        var pending = instanceIds.ToList();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            pending.RemoveAll(_committed.ContainsKey);
            if (pending.Count == 0)
            {
                return true;
            }

            await Task.Delay(20, cancellationToken);
        }

        return false;
    }

    /// <summary>Starts polling for <paramref name="instanceIds"/>, before their events go out.</summary>
    public void Await(IEnumerable<string> instanceIds)
    {
        foreach (var id in instanceIds)
        {
            if (!_committed.ContainsKey(id))
            {
                _awaited.TryAdd(id, true);
            }
        }

        _wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _polling;
        }
        catch (OperationCanceledException)
        {
            // The polling loop ends by cancellation.
        }

        await _connection.DisposeAsync();
        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task PollAsync()
    {
        await using var drain = new NpgsqlCommand($"DELETE FROM {Table} RETURNING instance_id", _connection);
        await using var vacuum = new NpgsqlCommand($"VACUUM {Table}", _connection);
        var vacuumed = Stopwatch.StartNew();
        while (!_stop.IsCancellationRequested)
        {
            if (vacuumed.Elapsed >= VacuumInterval)
            {
                await vacuum.ExecuteNonQueryAsync(_stop.Token);
                vacuumed.Restart();
            }

            if (_awaited.IsEmpty)
            {
                await _wake.WaitAsync(_stop.Token);
                continue;
            }

            await using (var reader = await drain.ExecuteReaderAsync(_stop.Token))
            {
                var seenAt = 0L;
                while (await reader.ReadAsync(_stop.Token))
                {
                    seenAt = seenAt == 0 ? Stopwatch.GetTimestamp() : seenAt;
                    var id = reader.GetString(0);
                    _committed.TryAdd(id, seenAt);
                    _awaited.TryRemove(id, out _);
                }
            }

            await Task.Delay(PollInterval, _stop.Token);
        }
    }
}

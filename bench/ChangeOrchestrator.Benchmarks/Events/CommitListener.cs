using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Events;

/// <summary>
/// Sees, from outside the server, the moment an instance's next activity is committed: a trigger on the journal
/// notifies a channel when the activity after the wait completes, and PostgreSQL delivers a notification only once
/// the transaction that raised it has committed. The listener takes a <see cref="Stopwatch"/> timestamp per instance
/// as each notification arrives.
/// </summary>
internal sealed class CommitListener : IAsyncDisposable
{
    private const string Channel = "bench_next_committed";

    private readonly NpgsqlConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _committed = new(StringComparer.Ordinal);
    private Task _listening = Task.CompletedTask;

    private CommitListener(NpgsqlConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Installs the trigger for <paramref name="activityId"/> in the server's migrated database and starts listening.</summary>
    public static async Task<CommitListener> StartAsync(string connectionString, string activityId, CancellationToken cancellationToken)
    {
        // Its own connection, outside any pool: it waits for notifications for the whole run.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var install = new NpgsqlCommand(
            $"""
            CREATE OR REPLACE FUNCTION bench_notify_next_committed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('{Channel}', NEW.instance_id::text);
              RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS bench_next_committed ON journal_entries;
            CREATE TRIGGER bench_next_committed AFTER INSERT ON journal_entries FOR EACH ROW
              WHEN (NEW.type = 'ActivityCompleted' AND NEW.activity_id = '{activityId}')
              EXECUTE FUNCTION bench_notify_next_committed();
            LISTEN {Channel};
            """, connection))
        {
            await install.ExecuteNonQueryAsync(cancellationToken);
        }

        var listener = new CommitListener(connection);
        connection.Notification += (_, e) => listener._committed.TryAdd(e.Payload, Stopwatch.GetTimestamp());
        listener._listening = Task.Run(listener.ListenAsync, CancellationToken.None);
        return listener;
    }

    public bool TryGet(string instanceId, out long timestamp) => _committed.TryGetValue(instanceId, out timestamp);

    /// <summary>Waits until every instance of <paramref name="instanceIds"/> has been seen, or the time is up.</summary>
    public async Task<bool> WaitForAllAsync(IEnumerable<string> instanceIds, TimeSpan limit, CancellationToken cancellationToken)
    {
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

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _listening;
        }
        catch (OperationCanceledException)
        {
            // The listening loop ends by cancellation.
        }

        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ListenAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await _connection.WaitAsync(_stop.Token);
        }
    }
}

using ChangeOrchestrator.Benchmarks.Storage;
using ChangeOrchestrator.Benchmarks.Throughput;
using ChangeOrchestrator.Engine.Runtime;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.History;

/// <summary>
/// A database holding a number of completed instances of the throughput flow, each with its 22 journal entries. One
/// instance is run by the real engine and store; the rest are copies of its rows under new time-ordered ids, written
/// by INSERT ... SELECT with the column lists read from the migrated schema, so seeding 100,000 takes seconds.
/// </summary>
internal sealed class HistoryDatabase : IAsyncDisposable
{
    private const int SeedChunk = 10_000;

    private readonly PostgresBenchDatabase _database;

    private HistoryDatabase(PostgresBenchDatabase database, int instances, string deepCursor, string journalInstanceId)
    {
        _database = database;
        Instances = instances;
        DeepCursor = deepCursor;
        JournalInstanceId = journalInstanceId;
    }

    public int Instances { get; }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The cursor (<c>after</c>) of the page halfway down the list, newest first: the id before it.</summary>
    public string DeepCursor { get; }

    /// <summary>An instance halfway down the list, whose journal is read.</summary>
    public string JournalInstanceId { get; }

    public static async Task<HistoryDatabase> SeedAsync(string server, int instances, CancellationToken cancellationToken)
    {
        var database = await PostgresBenchDatabase.CreateAsync(server, cancellationToken);
        try
        {
            string template;
            await using (var node = await EngineNode.CreateAsync(database, configure: null, cancellationToken))
            {
                await node.PublishAsync(ThroughputFlow.Json, cancellationToken);
                var instance = await node.Runtime.StartAsync(
                    new StartWorkflowRequest { DefinitionId = ThroughputFlow.Id, Input = ThroughputFlow.Input() }, cancellationToken);
                ThroughputFlow.EnsureCompleted(instance);
                template = instance.Id;
            }

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);

            // The copies are consistent by construction; skipping the foreign-key triggers makes the load several times faster.
            await ExecuteAsync(connection, "SET session_replication_role = replica", cancellationToken);
            var copyInstance = await CopySqlAsync(connection, "workflow_instances", "id", cancellationToken);
            var copyJournal = await CopySqlAsync(connection, "journal_bursts", "instance_id", cancellationToken);

            // Ids as the runtime makes them (version-7 GUIDs), older than the template and a millisecond apart.
            var first = TimeProvider.System.GetUtcNow().AddMilliseconds(-instances - 1_000);
            for (var start = 0; start < instances - 1; start += SeedChunk)
            {
                var ids = Enumerable.Range(start, Math.Min(SeedChunk, instances - 1 - start))
                    .Select(i => Guid.CreateVersion7(first.AddMilliseconds(i)).ToString("N"))
                    .ToArray();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, copyInstance, cancellationToken, ids, template);
                await ExecuteAsync(connection, copyJournal, cancellationToken, ids, template);
                await transaction.CommitAsync(cancellationToken);
            }

            await ExecuteAsync(connection, "SET session_replication_role = origin", cancellationToken);
            await ExecuteAsync(connection, "VACUUM ANALYZE workflow_instances, journal_bursts", cancellationToken);
            var deep = await ScalarAsync(connection, "SELECT id FROM workflow_instances ORDER BY id DESC OFFSET $1 LIMIT 1", cancellationToken, instances / 2);
            var journal = await ScalarAsync(connection, "SELECT id FROM workflow_instances ORDER BY id DESC OFFSET $1 LIMIT 1", cancellationToken, (instances / 2) + 1);
            return new HistoryDatabase(database, instances, deep, journal);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>INSERT ... SELECT copying the template's rows once per new id; <paramref name="idColumn"/> takes the new id.</summary>
    private static async Task<string> CopySqlAsync(NpgsqlConnection connection, string table, string idColumn, CancellationToken cancellationToken)
    {
        var columns = new List<string>();
        await using (var query = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            connection))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = table });
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(reader.GetString(0));
            }
        }

        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(c => c == idColumn ? "n.id" : $"t.\"{c}\""));
        return $"INSERT INTO \"{table}\" ({names}) SELECT {values} FROM \"{table}\" t CROSS JOIN unnest($1::text[]) AS n(id) WHERE t.\"{idColumn}\" = $2";
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, int offset)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = offset });
        return (string?)await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No instance at offset {offset}.");
    }
}

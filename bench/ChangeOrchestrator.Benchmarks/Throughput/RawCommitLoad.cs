using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Throughput;

/// <summary>
/// The database's own limit: one transaction from a pooled connection, committed, holding either one small row (the
/// least any commit costs) or as many rows as a burst of the throughput flow writes, sent in one batch (what the
/// burst's data costs the database, without the engine and EF Core around it).
/// </summary>
internal sealed class RawCommitLoad : IAsyncDisposable
{
    /// <summary>The instance row and the one journal row (its 22 entries) a burst of the throughput flow writes.</summary>
    public const int BurstRows = 2;

    private readonly NpgsqlDataSource _dataSource;

    private RawCommitLoad(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <summary>
    /// The pool keeps the two defaults the engine's stores run with (no <c>DISCARD ALL</c> when a connection is taken
    /// again, statements prepared after a few uses), so the floor is not slowed by what the engine is spared.
    /// </summary>
    public static async Task<RawCommitLoad> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var pooled = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 100 };
        var load = new RawCommitLoad(NpgsqlDataSource.Create(pooled.ConnectionString));
        await using var command = load._dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_commit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return load;
    }

    public async Task CommitOneAsync(int index, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("INSERT INTO bench_commit (payload) VALUES ($1)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = $"row {index}" });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CommitBurstShapedAsync(int index, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            for (var row = 0; row < BurstRows; row++)
            {
                var insert = new NpgsqlBatchCommand("INSERT INTO bench_commit (payload) VALUES ($1)");
                insert.Parameters.Add(new NpgsqlParameter { Value = $"{{\"instance\":{index},\"row\":{row},\"type\":\"ActivityCompleted\",\"activity\":\"step-{row}\"}}" });
                batch.BatchCommands.Add(insert);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

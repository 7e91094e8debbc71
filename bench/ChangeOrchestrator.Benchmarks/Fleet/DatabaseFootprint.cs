using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// What the change left in its database: how often the instance row was rewritten, how big that row is, and the
/// journal. An engine that rewrites a large row on every poll spends its CPU on serialising it.
/// </summary>
internal sealed record DatabaseFootprint(long InstanceWrites, double InstanceRowKiB, long JournalRows, double DatabaseMiB)
{
    /// <summary>
    /// The footprint of one instance: its row's size and journal, and the instance table's writes since
    /// <paramref name="before"/> (all of them without one). Null <paramref name="instanceId"/> reads the table's writes alone, as a baseline.
    /// </summary>
    public static async Task<DatabaseFootprint> ReadAsync(string connectionString, string? instanceId, DatabaseFootprint? before, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Table statistics reach the view when the server's backends report them, at most a second after a commit.
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT coalesce(n_tup_ins + n_tup_upd, 0) FROM pg_stat_user_tables WHERE relname = 'workflow_instances'),
                   (SELECT coalesce(max(pg_column_size(i.*)), 0) FROM workflow_instances i WHERE i.id = $1),
                   (SELECT count(*) FROM journal_bursts WHERE instance_id = $1),
                   pg_database_size(current_database())
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)instanceId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseFootprint(
            reader.GetInt64(0) - (before?.InstanceWrites ?? 0), reader.GetInt64(1) / 1024.0, reader.GetInt64(2), reader.GetInt64(3) / (1024.0 * 1024));
    }
}

using System.Globalization;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// Copies of the finished 1,000-server patch change under new ids (its instance row, journal and per-server results),
/// so each copy's page is a first view: the server has never read it, kept it or rendered its evidence.
/// </summary>
internal static class FinishedChangeCopies
{
    public static async Task<IReadOnlyList<string>> CreateAsync(string connectionString, string instanceId, int copies, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE copy_instance AS SELECT * FROM workflow_instances WHERE id = $1;
            CREATE TEMP TABLE copy_journal AS SELECT * FROM journal_bursts WHERE instance_id = $1;
            CREATE TEMP TABLE copy_results AS SELECT * FROM step_results WHERE instance_id = $1;
            """, instanceId, cancellationToken);
        var ids = new List<string>(copies);
        for (var i = 0; i < copies; i++)
        {
            var id = $"{instanceId}-first-view-{i.ToString("D3", CultureInfo.InvariantCulture)}";
            await ExecuteAsync(connection, """
                UPDATE copy_instance SET id = $1;
                INSERT INTO workflow_instances SELECT * FROM copy_instance;
                UPDATE copy_journal SET instance_id = $1;
                INSERT INTO journal_bursts SELECT * FROM copy_journal;
                UPDATE copy_results SET instance_id = $1;
                INSERT INTO step_results SELECT * FROM copy_results;
                """, id, cancellationToken);
            ids.Add(id);
        }

        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string id, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            if (statement.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = id });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}

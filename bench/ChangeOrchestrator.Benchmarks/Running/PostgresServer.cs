using System.Text.Json.Serialization;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// One PostgreSQL server the scenarios run on, named by how it commits (<c>fast</c> or <c>durable</c>), with the
/// durability settings it reported itself, so a report never states a setting the server did not have.
/// </summary>
internal sealed record PostgresServer(string Mode, [property: JsonIgnore] string ConnectionString, string Fsync, string SynchronousCommit, string FullPageWrites)
{
    /// <summary>The settings as the report names them beside each figure.</summary>
    public string Settings => $"fsync={Fsync}, synchronous_commit={SynchronousCommit}, full_page_writes={FullPageWrites}";

    /// <summary>Reads <c>SHOW fsync</c>, <c>SHOW synchronous_commit</c> and <c>SHOW full_page_writes</c> from the server.</summary>
    public static async Task<PostgresServer> ReadAsync(string mode, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        async Task<string> ShowAsync(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "unknown";
        }

        return new PostgresServer(mode, connectionString, await ShowAsync("fsync"), await ShowAsync("synchronous_commit"), await ShowAsync("full_page_writes"));
    }
}

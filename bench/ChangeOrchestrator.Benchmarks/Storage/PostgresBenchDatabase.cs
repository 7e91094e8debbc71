using ChangeOrchestrator.Persistence;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Storage;

/// <summary>A database of its own on the benchmark's PostgreSQL server, dropped at the end.</summary>
internal sealed class PostgresBenchDatabase : BenchDatabase
{
    private readonly string _server;
    private readonly string _name;

    private PostgresBenchDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public override StoreKind Kind => StoreKind.Postgres;

    public string ConnectionString { get; }

    public static async Task<PostgresBenchDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var name = $"co_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new PostgresBenchDatabase(server, name, connectionString);
    }

    public override PersistenceOptions CreateOptions() => new()
    {
        Provider = PersistenceProvider.Postgres,
        ConnectionString = ConnectionString,
        MigrateOnStartup = false,
    };

    public override async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

using ChangeOrchestrator.Persistence;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>
/// A database of its own on the PostgreSQL server named by <see cref="EnvironmentVariable"/>, migrated (a copy of
/// <see cref="PostgresTemplate"/>) and dropped at the end.
/// Without the variable the tests fail: CI always provides a server, and a skipped test would hide a broken store.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "CHANGEORCHESTRATOR_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private readonly string _name;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = connectionString;
    }

    public override PersistenceProvider Provider => PersistenceProvider.Postgres;

    public override string ConnectionString { get; }

    public static Task<PostgresTestDatabase> CreateAsync() => CreateAsync(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The server <see cref="EnvironmentVariable"/> names, for a test that makes its own databases on it.</summary>
    public static string ServerConnectionString() => Required(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>A database of its own on the server <paramref name="server"/> names (e.g. a <see cref="PostgresCluster"/> the test may restart).</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string? server)
    {
        server = Required(server);
        var template = await PostgresTemplate.GetAsync(server);
        var name = $"co_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // A pool per test class; kept small so classes running side by side stay under the server's connection limit.
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        return new PostgresTestDatabase(server, name, connectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Required(string? server) => string.IsNullOrWhiteSpace(server)
        ? throw new InvalidOperationException(
            $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Start a server with "
            + "`.ci/postgres.sh start` and export the connection string it prints, e.g. "
            + $"{EnvironmentVariable}='Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.")
        : server;
}

using Npgsql;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>CHANGEORCHESTRATOR_TEST_POSTGRES</c> (as the
/// integration tests use), dropped at the end. The server migrates it at start-up.
/// </summary>
public sealed class UiDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "CHANGEORCHESTRATOR_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private UiDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<UiDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not set; start a server with `.ci/postgres.sh start` and export the connection string it prints.");
        }

        var name = $"co_ui_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new UiDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
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

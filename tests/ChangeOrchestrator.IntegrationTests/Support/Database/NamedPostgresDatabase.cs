using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>
/// A database name on the test server that the code under test creates itself (the migrator does when it is missing),
/// dropped at the end however the test went.
/// </summary>
internal sealed class NamedPostgresDatabase(string server) : IAsyncDisposable
{
    public string Name { get; } = $"co_test_{Guid.NewGuid():N}";

    /// <summary>The workflow instances stored in it: zero right after a migration, and an error if it was not migrated.</summary>
    public async Task<long> CountInstancesAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = Name, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM workflow_instances", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

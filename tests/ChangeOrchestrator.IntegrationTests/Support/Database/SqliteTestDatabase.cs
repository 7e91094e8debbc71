using ChangeOrchestrator.Persistence;
using Microsoft.Data.Sqlite;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>A SQLite file in a temporary folder of its own, deleted at the end.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder;

    private SqliteTestDatabase(string folder)
    {
        _folder = folder;
        ConnectionString = $"Data Source={Path.Combine(folder, "workflows.db")}";
    }

    public override PersistenceProvider Provider => PersistenceProvider.Sqlite;

    public override string ConnectionString { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = await CreateEmptyAsync();
        await database.MigrateAsync();
        return database;
    }

    /// <summary>A file that does not exist yet, in a folder that does not exist yet.</summary>
    public static Task<SqliteTestDatabase> CreateEmptyAsync() =>
        Task.FromResult(new SqliteTestDatabase(Path.Combine(Path.GetTempPath(), $"co-test-{Guid.NewGuid():N}")));

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; only idle ones are closed, which is all of this class's by now.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

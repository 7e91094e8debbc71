using ChangeOrchestrator.Persistence;
using Microsoft.Data.Sqlite;

namespace ChangeOrchestrator.Benchmarks.Storage;

/// <summary>A SQLite file in a temporary folder of its own, deleted at the end.</summary>
internal sealed class SqliteBenchDatabase : BenchDatabase
{
    private readonly string _folder;

    private SqliteBenchDatabase(string folder)
    {
        _folder = folder;
    }

    public override StoreKind Kind => StoreKind.Sqlite;

    public static SqliteBenchDatabase Create() => new(Path.Combine(Path.GetTempPath(), $"co-bench-{Guid.NewGuid():N}"));

    public override PersistenceOptions CreateOptions() => new()
    {
        Provider = PersistenceProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, "workflows.db")}",
        MigrateOnStartup = false,
    };

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; the node using them is disposed by now, so all are idle.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>A real, empty, migrated database of one provider, owned by one test class and removed after it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract PersistenceProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Fresh options each time: a harness may change them without touching another harness.</summary>
    public PersistenceOptions CreateOptions() => new()
    {
        Provider = Provider,
        ConnectionString = ConnectionString,
        MigrateOnStartup = false,
    };

    public abstract ValueTask DisposeAsync();

    internal async Task MigrateAsync()
    {
        await using var harness = new PersistenceHarness(this);
        await harness.Migrator.MigrateAsync(CancellationToken.None);
    }
}

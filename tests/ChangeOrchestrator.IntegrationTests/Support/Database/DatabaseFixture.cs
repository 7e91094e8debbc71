using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>
/// The databases of one test class, one per provider, created when a test first asks for that provider: without a
/// PostgreSQL server only the PostgreSQL cases fail, each with the reason.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly Dictionary<PersistenceProvider, Lazy<Task<TestDatabase>>> _databases = new()
    {
        [PersistenceProvider.Sqlite] = new(async () => await SqliteTestDatabase.CreateAsync()),
        [PersistenceProvider.Postgres] = new(async () => await PostgresTestDatabase.CreateAsync()),
    };

    public Task<TestDatabase> GetAsync(PersistenceProvider provider) => _databases[provider].Value;

    /// <summary>The engine and the stores on a fresh service provider over this class's database.</summary>
    internal async Task<PersistenceHarness> HarnessAsync(PersistenceProvider provider) => new(await GetAsync(provider));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values.Where(d => d.IsValueCreated))
        {
            if (database.Value.IsCompletedSuccessfully)
            {
                await (await database.Value).DisposeAsync();
            }
        }
    }
}

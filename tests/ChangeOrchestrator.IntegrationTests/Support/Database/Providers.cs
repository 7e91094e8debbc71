using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>Theory data: every store test runs on each provider.</summary>
public static class Providers
{
    public static TheoryData<PersistenceProvider> All => new() { PersistenceProvider.Sqlite, PersistenceProvider.Postgres };
}

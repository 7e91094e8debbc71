using ChangeOrchestrator.Engine;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Persistence;

public sealed class DatabaseMigratorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateAsync_SchemaCurrent_AppliesNothingAndLeavesNothingPending(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);

        var applied = await harness.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        await using var db = await harness.DbAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task MigrateAsync_NewSqliteFileInAMissingFolder_CreatesItInWriteAheadLogMode()
    {
        await using var database = await SqliteTestDatabase.CreateEmptyAsync();
        await using (var harness = new PersistenceHarness(database))
        {
            var applied = await harness.Migrator.MigrateAsync(CancellationToken.None);

            Assert.NotEmpty(applied);
        }

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task MigrateAsync_PostgresDatabaseMissing_CreatesAndMigratesIt()
    {
        var server = PostgresTestDatabase.ServerConnectionString();
        await using var database = new NamedPostgresDatabase(server);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database.Name, Pooling = false }.ConnectionString;
        var services = new ServiceCollection()
            .AddWorkflowEngine()
            .AddWorkflowPersistence(new PersistenceOptions { Provider = PersistenceProvider.Postgres, ConnectionString = connectionString });
        await using var provider = services.BuildServiceProvider();

        var applied = await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Assert.NotEmpty(applied);
        Assert.Equal(0L, await database.CountInstancesAsync());
    }

    [Fact]
    public async Task AddWorkflowPersistence_MigrateOnStartup_MigratesInTheHostsStartingPhase()
    {
        await using var database = await SqliteTestDatabase.CreateEmptyAsync();
        var options = database.CreateOptions();
        options.MigrateOnStartup = true;
        await using var provider = new ServiceCollection().AddWorkflowEngine().AddWorkflowPersistence(options).BuildServiceProvider();
        var lifecycle = Assert.IsType<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()), exactMatch: false);

        await lifecycle.StartingAsync(CancellationToken.None);

        Assert.Empty(await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None));
    }
}

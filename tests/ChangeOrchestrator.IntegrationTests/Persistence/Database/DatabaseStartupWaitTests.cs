using ChangeOrchestrator.Engine;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Network;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Database;

/// <summary>A node started while its PostgreSQL is not up yet waits for it, within Persistence:StartupWait.</summary>
public sealed class DatabaseStartupWaitTests
{
    [Fact]
    public async Task StartingAsync_DatabaseUpOnlyAfterTheNodeStarts_WaitsAndMigratesOnceItAnswers()
    {
        var server = PostgresTestDatabase.ServerConnectionString();
        var target = new NpgsqlConnectionStringBuilder(server);
        await using var forwarder = new TcpForwarder(target.Host!, target.Port);
        await using var database = new NamedPostgresDatabase(server);
        await using var provider = Services(Through(server, forwarder.Port, database.Name), TimeSpan.FromMinutes(1));
        var starting = MigrationOf(provider).StartingAsync(CancellationToken.None);

        // Refused for a while, as while the database restarts: the node keeps trying instead of failing.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(starting.IsCompleted, starting.Exception?.ToString() ?? "The start ended while the database was still unreachable.");
        forwarder.Start();
        await starting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0L, await database.CountInstancesAsync());
    }

    [Fact]
    public async Task StartingAsync_DatabaseNeverUp_FailsAfterTheWaitNamingTheSettingAndTheCause()
    {
        var server = PostgresTestDatabase.ServerConnectionString();
        var target = new NpgsqlConnectionStringBuilder(server);
        await using var forwarder = new TcpForwarder(target.Host!, target.Port);
        await using var provider = Services(Through(server, forwarder.Port, "co_never"), TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrationOf(provider).StartingAsync(CancellationToken.None));

        Assert.Contains("ConnectionStrings:Postgres", error.Message, StringComparison.Ordinal);
        Assert.Contains("Persistence:StartupWait", error.Message, StringComparison.Ordinal);
        Assert.True(DatabaseErrors.IsUnreachable(Assert.IsType<NpgsqlException>(error.InnerException)), error.ToString());
    }

    [Fact]
    public void IsUnreachable_ServerStartingUpOrRefusing_IsTrueAndAPermissionErrorIsNot()
    {
        Assert.True(DatabaseErrors.IsUnreachable(Postgres(PostgresErrorCodes.CannotConnectNow)));
        Assert.True(DatabaseErrors.IsUnreachable(Postgres(PostgresErrorCodes.ConnectionFailure)));
        Assert.True(DatabaseErrors.IsUnreachable(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))));
        Assert.False(DatabaseErrors.IsUnreachable(Postgres(PostgresErrorCodes.InvalidPassword)));
        Assert.False(DatabaseErrors.IsUnreachable(Postgres(PostgresErrorCodes.InsufficientPrivilege)));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    private static string Through(string server, int port, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Host = "127.0.0.1", Port = port, Database = database, Pooling = false, Timeout = 2 }.ConnectionString;

    private static ServiceProvider Services(string connectionString, TimeSpan startupWait) =>
        new ServiceCollection()
            .AddWorkflowEngine()
            .AddWorkflowPersistence(new PersistenceOptions
            {
                Provider = PersistenceProvider.Postgres,
                ConnectionString = connectionString,
                MigrateOnStartup = true,
                StartupWait = startupWait,
            })
            .BuildServiceProvider();

    private static IHostedLifecycleService MigrationOf(IServiceProvider provider) =>
        Assert.Single(provider.GetServices<IHostedService>().OfType<DatabaseMigrationService>());
}

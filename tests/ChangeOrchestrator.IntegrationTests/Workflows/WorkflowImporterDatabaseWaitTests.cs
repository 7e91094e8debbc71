using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Network;
using ChangeOrchestrator.Patching;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Server.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Workflows;

/// <summary>
/// The database can go away after the schema is migrated and before the workflow files are imported (it restarts
/// while a node starts): the import waits for it, as the migration does, instead of ending the node.
/// </summary>
public sealed class WorkflowImporterDatabaseWaitTests
{
    [Fact]
    public async Task StartAsync_DatabaseUnreachableAfterTheMigration_WaitsAndImportsOnceItAnswers()
    {
        var server = PostgresTestDatabase.ServerConnectionString();
        var target = new NpgsqlConnectionStringBuilder(server);
        await using var forwarder = new TcpForwarder(target.Host!, target.Port);
        await using var database = new NamedPostgresDatabase(server);
        await using var direct = Services(new NpgsqlConnectionStringBuilder(server) { Database = database.Name, Pooling = false }.ConnectionString);
        await direct.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using var throughForwarder = Services(
            new NpgsqlConnectionStringBuilder(server) { Host = "127.0.0.1", Port = forwarder.Port, Database = database.Name, Pooling = false, Timeout = 2 }.ConnectionString);
        var folder = Directory.CreateTempSubdirectory("co-import-");
        try
        {
            File.Copy(PatchChangeServer.RepositoryFile("workflows", "patch-change.json"), Path.Combine(folder.FullName, "patch-change.json"));
            var importer = new WorkflowImporter(
                throughForwarder.GetRequiredService<WorkflowDefinitionLoader>(),
                throughForwarder.GetRequiredService<DefinitionPublisher>(),
                throughForwarder.GetRequiredService<DatabaseStartupWait>(),
                Options.Create(new WorkflowsOptions { Folder = folder.FullName }),
                new HostingEnvironment { ContentRootPath = folder.FullName },
                NullLogger<WorkflowImporter>.Instance);

            var starting = importer.StartAsync(CancellationToken.None);

            // Refused for a while, as while the database restarts: the import keeps trying instead of failing.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.False(starting.IsCompleted, starting.Exception?.ToString() ?? "The import ended while the database was still unreachable.");
            forwarder.Start();
            await starting.WaitAsync(TimeSpan.FromSeconds(60));

            var stored = await direct.GetRequiredService<IWorkflowDefinitionStore>().FindAsync("patch-change", null, CancellationToken.None);
            Assert.Equal(1, stored?.Definition.Version);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ServiceProvider Services(string connectionString) =>
        new ServiceCollection()
            .AddWorkflowEngine()
            .AddPatchingActivities()
            .AddWorkflowPersistence(new PersistenceOptions
            {
                Provider = PersistenceProvider.Postgres,
                ConnectionString = connectionString,
                MigrateOnStartup = false,
                StartupWait = TimeSpan.FromMinutes(1),
            })
            .BuildServiceProvider();
}

using ChangeOrchestrator.IntegrationTests.Support.Database;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>The real server on a PostgreSQL database of its own, both removed at the end.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private PostgresServer(PostgresTestDatabase database, TestServer server)
    {
        Database = database;
        Server = server;
    }

    public PostgresTestDatabase Database { get; }

    public TestServer Server { get; }

    public static async Task<PostgresServer> StartAsync(
        string workflowsFolder, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        try
        {
            var all = new Dictionary<string, string?>
            {
                ["Persistence:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            return new PostgresServer(database, await TestServer.StartAsync(workflowsFolder, all, services));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}

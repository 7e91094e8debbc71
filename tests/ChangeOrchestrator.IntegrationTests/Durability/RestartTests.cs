using System.Net;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Durability;

/// <summary>A waiting workflow outlives the server that started it, on both databases.</summary>
public sealed class RestartTests : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly DatabaseFixture _databases;
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);

    public RestartTests(DatabaseFixture databases) => _databases = databases;

    public void Dispose() => _workflows.Dispose();

    [Theory]
    [InlineData(PersistenceProvider.Sqlite)]
    [InlineData(PersistenceProvider.Postgres)]
    public async Task Restart_WhileWaitingOnABookmark_ResumesFromAnEventAfterwards(PersistenceProvider provider)
    {
        var database = await _databases.GetAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{provider}"] = database.ConnectionString,
            ["Sandbox:Enabled"] = "false",
        };

        string id;
        await using (var before = await TestServer.StartAsync(_workflows.Path, settings))
        {
            var started = await before.PostJsonAsync("/api/instances", new { definitionId = "wait-approval", input = new { change = $"CHG-R-{provider}" } }, HttpStatusCode.Created);
            id = started["id"]!.GetValue<string>();
        }

        await using var after = await TestServer.StartAsync(_workflows.Path, settings);
        var definitions = (await after.GetJsonAsync("/api/definitions")).AsArray();
        var raised = await after.PostJsonAsync($"/api/events/approval/CHG-R-{provider}", new { by = "after-restart" }, HttpStatusCode.Accepted);
        var instance = await after.GetJsonAsync($"/api/instances/{id}");

        Assert.Equal(1, Assert.Single(definitions)!["version"]!.GetValue<int>());
        Assert.Equal(1, raised["resumed"]!.GetValue<int>());
        Assert.Equal("Completed", instance["status"]!.GetValue<string>());
        Assert.Equal("after-restart", instance["outputs"]!["wait"]!["payload"]!["by"]!.GetValue<string>());
    }
}

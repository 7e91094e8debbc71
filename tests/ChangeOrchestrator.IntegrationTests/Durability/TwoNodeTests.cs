using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Durability;

/// <summary>Two server processes on one PostgreSQL: every timer fires on one node only, every instance completes once.</summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private const int Instances = 200;

    private readonly EffectRecorder _effects = new();
    private readonly WorkflowFolder _workflows = new();
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _workflows.With("timed-effect", $$"""
            {
              "id": "timed-effect",
              "name": "Timer then side effect",
              "activities": [
                { "id": "wait", "type": "Delay", "inputs": { "duration": "PT1S" } },
                { "id": "effect", "type": "HttpRequest", "inputs": { "url": "{{_effects.Url}}effect", "method": "POST" } },
                { "id": "again", "type": "Delay", "inputs": { "duration": "PT0.5S" } },
                { "id": "effect2", "type": "HttpRequest", "inputs": { "url": "{{_effects.Url}}effect2", "method": "POST" } }
              ],
              "connections": [ { "from": "wait", "to": "effect" }, { "from": "effect", "to": "again" }, { "from": "again", "to": "effect2" } ]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _workflows.Dispose();
        _effects.Dispose();
    }

    [Fact]
    public async Task TwoNodes_InstancesWithTimers_CompleteExactlyOnceWithNoActivityRunTwice()
    {
        await using var first = await ServerProcess.StartAsync(Environment());
        await using var second = await ServerProcess.StartAsync(Environment());
        var ids = new List<string>();
        for (var i = 0; i < Instances; i++)
        {
            var node = i % 2 == 0 ? first : second;
            using var response = await node.Client.PostAsJsonAsync("/api/instances", new { definitionId = "timed-effect" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var completed = 0;
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            var page = JsonNode.Parse(await first.Client.GetStringAsync($"/api/instances?status=Completed&limit=500"))!;
            completed = page["items"]!.AsArray().Count;
            if (completed == Instances)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(Instances, completed);
        Assert.Equal(Instances * 2, _effects.Deliveries.Count);
        Assert.All(_effects.Deliveries, d => Assert.Equal(1, d.Value));
        Assert.Equal(
            ids.SelectMany(id => new[] { $"{id}:effect:0", $"{id}:effect2:0" }).Order(StringComparer.Ordinal),
            _effects.Deliveries.Keys.Order(StringComparer.Ordinal));
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Persistence__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        ["Workflows__Folder"] = _workflows.Path,
        ["Sandbox__Enabled"] = "false",
        ["Runtime__TimerPollInterval"] = "00:00:00.050",
    };
}

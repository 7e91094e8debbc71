using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using Xunit.Abstractions;

namespace ChangeOrchestrator.IntegrationTests.Durability;

/// <summary>Hundreds of stimuli at once, some before their bookmarks exist: every instance resumes exactly once.</summary>
public sealed class EventStormTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Waiting = 500;
    private const int Early = 100;

    private readonly WorkflowFolder _workflows = new();
    private PostgresTestDatabase _database = null!;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _workflows.With("wait-approval", TestWorkflows.WaitForApproval);
        _server = await TestServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Sandbox:Enabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task RaiseEvents_ConcurrentAndEarly_ResumeEveryInstanceExactlyOnce()
    {
        var waiting = new List<string>();
        for (var i = 0; i < Waiting; i++)
        {
            waiting.Add(await StartAsync($"CHG-S{i}"));
        }

        var earlyResults = await Task.WhenAll(Enumerable.Range(0, Early).Select(i => RaiseAsync($"CHG-E{i}")));
        var clock = Stopwatch.StartNew();
        var stormResults = await Task.WhenAll(Enumerable.Range(0, Waiting).Select(i => RaiseAsync($"CHG-S{i}")));
        var stormSeconds = clock.Elapsed.TotalSeconds;
        var lateStarts = new List<string>();
        foreach (var i in Enumerable.Range(0, Early))
        {
            lateStarts.Add(await StartAsync($"CHG-E{i}"));
        }

        Assert.All(earlyResults, r => Assert.True(r.Result["buffered"]!.GetValue<bool>()));
        Assert.All(stormResults, r => Assert.Equal(1, r.Result["resumed"]!.GetValue<int>()));
        foreach (var id in waiting.Concat(lateStarts))
        {
            var instance = await _server.GetJsonAsync($"/api/instances/{id}");
            Assert.Equal("Completed", instance["status"]!.GetValue<string>());
            var journal = await _server.GetJsonAsync($"/api/instances/{id}/journal?limit=500");
            Assert.Single(journal["items"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "ActivityResumed");
        }

        output.WriteLine($"{Waiting} concurrent events in {stormSeconds:F2} s = {Waiting / stormSeconds:F0} events/s; slowest accepted-to-resumed {stormResults.Max(r => r.Elapsed).TotalMilliseconds:F0} ms");
    }

    private async Task<string> StartAsync(string change)
    {
        var created = await _server.PostJsonAsync("/api/instances", new { definitionId = "wait-approval", input = new { change } }, HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    private async Task<(JsonNode Result, TimeSpan Elapsed)> RaiseAsync(string change)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _server.Client.PostAsJsonAsync($"/api/events/approval/{change}", new { by = "storm" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, clock.Elapsed);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Durability;

/// <summary>
/// The server as a separate process killed with SIGKILL in the middle of a burst: after a restart every instance
/// completes and the external system applied each side effect exactly once.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan ShortHold = TimeSpan.FromSeconds(2);

    private readonly EffectRecorder _effects = new();
    private readonly WorkflowFolder _workflows = new();
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _workflows.With("side-effects", $$"""
            {
              "id": "side-effects",
              "name": "Side effects around a timer",
              "activities": [
                { "id": "settle", "type": "Delay", "inputs": { "duration": "PT0.2S" } },
                { "id": "effect-a", "type": "HttpRequest", "inputs": { "url": "{{_effects.Url}}a", "method": "POST" }, "retry": { "attempts": 5, "backoff": "PT0.2S" } },
                { "id": "effect-b", "type": "HttpRequest", "inputs": { "url": "{{_effects.Url}}b", "method": "POST" }, "retry": { "attempts": 5, "backoff": "PT0.2S" } },
                { "id": "soak", "type": "Delay", "inputs": { "duration": "PT0.2S" } },
                { "id": "effect-c", "type": "HttpRequest", "inputs": { "url": "{{_effects.Url}}c", "method": "POST" }, "retry": { "attempts": 5, "backoff": "PT0.2S" } }
              ],
              "connections": [
                { "from": "settle", "to": "effect-a" }, { "from": "effect-a", "to": "effect-b" },
                { "from": "effect-b", "to": "soak" }, { "from": "soak", "to": "effect-c" }
              ]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _workflows.Dispose();
        _effects.Dispose();
    }

    [Theory]
    [InlineData("a", "b,c")]
    [InlineData("b", "c")]
    [InlineData("c", "a,b")]
    public async Task Kill_DuringASideEffect_RestartCompletesAndEachEffectAppliesOnce(string crashAt, string outsideTheCrashedBurst)
    {
        var held = _effects.HoldNextCallTo(crashAt);
        var node = await ServerProcess.StartAsync(Environment(ShortHold));
        string instanceId;
        try
        {
            instanceId = await StartAsync(node);
            await held.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            node.Kill();
            await node.DisposeAsync();
        }

        // The restarted node holds what it takes for longer: a node that cannot renew within its lease (a fresh process
        // starved of CPU) rightly stops its burst and runs it again, which would repeat the calls this test counts.
        await using var restarted = await ServerProcess.StartAsync(Environment(TimeSpan.FromSeconds(30)));
        var finished = await WaitForStatusAsync(restarted, instanceId, "Completed");

        Assert.Equal("Completed", finished);
        var keys = _effects.Applied;
        Assert.Equal(3, keys.Count);
        Assert.Equal([$"{instanceId}:effect-a:0", $"{instanceId}:effect-b:0", $"{instanceId}:effect-c:0"], keys);

        // The burst cut short is re-run from its last commit, so its call reaches the receiver again with the same
        // key (applied once), and that call may itself be retried by the step's retry policy (5 attempts) when the
        // restarted node is slow; calls of committed bursts are never repeated.
        Assert.InRange(_effects.Deliveries[$"{instanceId}:effect-{crashAt}:0"], 2, 2 + 5);
        foreach (var step in outsideTheCrashedBurst.Split(','))
        {
            Assert.Equal(1, _effects.Deliveries[$"{instanceId}:effect-{step}:0"]);
        }
    }

    private Dictionary<string, string> Environment(TimeSpan hold) => new()
    {
        ["Persistence__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        ["Workflows__Folder"] = _workflows.Path,
        ["Sandbox__Enabled"] = "false",
        ["Runtime__TimerPollInterval"] = "00:00:00.100",

        // A killed node keeps its timer claims and instance leases until they run out: short here, minutes in production.
        ["Engine__TimerClaimDuration"] = hold.ToString("c", CultureInfo.InvariantCulture),
        ["Engine__InstanceLeaseDuration"] = hold.ToString("c", CultureInfo.InvariantCulture),
    };

    private static async Task<string> StartAsync(ServerProcess node)
    {
        using var response = await node.Client.PostAsJsonAsync("/api/instances", new { definitionId = "side-effects" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    internal static async Task<string> WaitForStatusAsync(ServerProcess node, string instanceId, string status)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var last = string.Empty;
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            var instance = JsonNode.Parse(await node.Client.GetStringAsync($"/api/instances/{instanceId}"))!;
            last = instance["status"]!.GetValue<string>();
            if (last == status)
            {
                return last;
            }

            await Task.Delay(100);
        }

        return $"{last} (server output:{System.Environment.NewLine}{node.Output})";
    }
}

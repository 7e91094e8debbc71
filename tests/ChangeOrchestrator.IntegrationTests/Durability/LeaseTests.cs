using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Durability;

/// <summary>
/// Short leases renewed by heartbeat, on the database's clock: two server processes share instances whose one call
/// takes longer than the lease, and one node's clock is five minutes off. A lease compared with a node's own clock
/// would look expired to one of them, and it would run the call again; nothing runs twice.
/// </summary>
public sealed class LeaseTests : IAsyncLifetime
{
    private const int Instances = 6;

    private readonly EffectRecorder _effects = new() { ResponseDelay = TimeSpan.FromSeconds(6) };
    private readonly WorkflowFolder _workflows = new();
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _workflows.With("slow-effect", $$"""
            {
              "id": "slow-effect",
              "name": "Timer then a call slower than the lease",
              "activities": [
                { "id": "wait", "type": "Delay", "inputs": { "duration": "PT1S" } },
                { "id": "effect", "type": "HttpRequest", "inputs": { "url": "{{_effects.Url}}effect", "method": "POST" } }
              ],
              "connections": [ { "from": "wait", "to": "effect" } ]
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
    [InlineData("00:05:00")]
    [InlineData("-00:05:00")]
    public async Task TwoNodes_OneClockSkewedAndCallsSlowerThanTheLease_NoCallRunsTwice(string skew)
    {
        await using var honest = await ServerProcess.StartAsync(Environment());
        await using var skewed = await ServerProcess.StartAsync(Environment(("FaultDrill__ClockOffset", skew)));
        var ids = new List<string>();
        for (var i = 0; i < Instances; i++)
        {
            ids.Add(await StartAsync(i % 2 == 0 ? honest : skewed));
        }

        var completed = await CompletedAsync(honest, ids);

        Assert.Equal(Instances, completed);
        Assert.Equal(ids.Select(id => $"{id}:effect:0").Order(StringComparer.Ordinal), _effects.Deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(_effects.Deliveries, d => Assert.Equal(1, d.Value));
    }

    [Fact]
    public async Task NodeKilledMidCall_TheOtherNodeTakesTheInstanceOverAndCompletesIt()
    {
        // The survivor starts only once the doomed node is inside the call, so the held call is surely the doomed node's.
        ServerProcess survivor;
        string id;
        await using (var doomed = await ServerProcess.StartAsync(Environment()))
        {
            var held = _effects.HoldNextCallTo("effect");
            id = await StartAsync(doomed);
            await held.WaitAsync(TimeSpan.FromSeconds(60));
            survivor = await ServerProcess.StartAsync(Environment());
            doomed.Kill();
        }

        await using var running = survivor;

        // The dead node's timer claim and instance lease run out by the database's clock; the survivor fires the timer again.
        var completed = await CompletedAsync(running, [id]);

        // The call the dead node made is made again with the same idempotency key, for the receiver to recognise.
        Assert.True(completed == 1, $"{await running.Client.GetStringAsync($"/api/instances/{id}")}{System.Environment.NewLine}{running.Output}");
        Assert.Equal(2, _effects.Deliveries[$"{id}:effect:0"]);
    }

    private static async Task<string> StartAsync(ServerProcess node)
    {
        using var response = await node.Client.PostAsJsonAsync("/api/instances", new { definitionId = "slow-effect" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private static async Task<int> CompletedAsync(ServerProcess node, IReadOnlyCollection<string> ids)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var completed = 0;
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            var page = JsonNode.Parse(await node.Client.GetStringAsync("/api/instances?status=Completed&limit=500"))!;
            completed = page["items"]!.AsArray().Count(i => ids.Contains(i!["id"]!.GetValue<string>()));
            if (completed == ids.Count)
            {
                break;
            }

            await Task.Delay(250);
        }

        return completed;
    }

    private Dictionary<string, string> Environment(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Persistence__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = _database.ConnectionString,
            ["Workflows__Folder"] = _workflows.Path,
            ["Sandbox__Enabled"] = "false",
            ["Runtime__TimerPollInterval"] = "00:00:00.100",
            ["Engine__InstanceLeaseDuration"] = "00:00:03",
            ["Engine__TimerClaimDuration"] = "00:00:03",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Durability;

/// <summary>
/// Work held by a node that dies is picked up by another within 15 s, through the product's default leases and
/// claims (10 s, renewed by heartbeat) running out by the database's clock: no restart of the dead node, no operator.
/// The bound is the promise in the README's Guarantees (the lease plus a poll, with room for a busy machine).
/// </summary>
public sealed class TakeoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(15);

    private readonly EffectRecorder _effects = new();
    private readonly WorkflowFolder _workflows = new();
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _workflows.With("timer-then-call", $$"""
            {
              "id": "timer-then-call",
              "name": "Timer then a call",
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

    [Fact]
    public async Task NodeKilledMidCall_WithDefaultLeases_AnotherNodeTakesTheWorkOverWithin15Seconds()
    {
        ServerProcess survivor;
        string firstKey;
        string retakenKey;
        TimeSpan pickedUpAfter;
        await using (var doomed = await ServerProcess.StartAsync(Environment()))
        {
            var held = _effects.HoldNextCallTo("effect");
            using (var response = await doomed.Client.PostAsJsonAsync("/api/instances", new { definitionId = "timer-then-call" }))
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                _ = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            }

            firstKey = await held.WaitAsync(TimeSpan.FromSeconds(60));

            // The survivor is up and idle before the kill, so the time measured is the takeover's, not a start-up's.
            survivor = await ServerProcess.StartAsync(Environment());
            var retaken = _effects.HoldNextCallTo("effect");
            doomed.Kill();
            var sinceKill = Stopwatch.StartNew();
            retakenKey = await retaken.WaitAsync(TimeSpan.FromSeconds(120));
            pickedUpAfter = sinceKill.Elapsed;
        }

        await using var running = survivor;

        Assert.Equal(firstKey, retakenKey);
        Assert.True(pickedUpAfter <= Promised, $"the work was picked up {pickedUpAfter.TotalSeconds:F1} s after the kill{System.Environment.NewLine}{running.Output}");
    }

    /// <summary>The product's defaults for leases, claims and polls: none is shortened here.</summary>
    private Dictionary<string, string> Environment() => new()
    {
        ["Persistence__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        ["Workflows__Folder"] = _workflows.Path,
        ["Sandbox__Enabled"] = "false",
    };
}

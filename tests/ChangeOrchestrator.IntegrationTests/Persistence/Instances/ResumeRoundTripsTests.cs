using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Instances;

/// <summary>How many round trips to PostgreSQL the engine spends on one event and one start.</summary>
public sealed class ResumeRoundTripsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Workflow = """
        {
          "id": "round-trips",
          "version": 1,
          "name": "Wait, then log",
          "inputs": [ { "name": "change", "type": "string", "required": true } ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
            { "id": "done", "type": "Log", "inputs": { "message": "approved" } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "done" } ]
        }
        """;

    [Fact]
    public async Task RaiseEventAsync_WithIdempotencyKey_TakesThreeRoundTripsAndLeavesTheLeaseFree()
    {
        var database = await fixture.GetAsync(PersistenceProvider.Postgres);
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        await harness.PublishAsync(Workflow);
        var started = await harness.StartAsync("round-trips", "CHG-trips");
        using var counter = new DatabaseCommandCounter(database.ConnectionString);

        var raised = await harness.Runtime.RaiseEventAsync("approval", "CHG-trips", new JsonObject(), "delivery-trips", CancellationToken.None);

        var commands = counter.Commands;
        Assert.Equal(1, raised.Resumed);
        Assert.Equal(InstanceStatus.Completed, (await harness.InstanceAsync(started.Id)).Status);

        // The stimulus id's record read with the bookmarks of the key, the lease taken with the instance and its
        // bookmarks read, and the commit batch, which also gives the lease back (its COMMIT is not traced as a command
        // of its own).
        Assert.True(commands.Count == 3, $"{commands.Count} commands:{Environment.NewLine}{string.Join(Environment.NewLine, commands)}");
        await using var db = await harness.DbAsync();
        var lease = await db.Set<InstanceRow>().Where(i => i.Id == started.Id).Select(i => new { i.LeaseOwner, i.LeaseExpiresAt }).SingleAsync();
        Assert.Null(lease.LeaseOwner);
        Assert.Null(lease.LeaseExpiresAt);
    }

    [Fact]
    public async Task StartAsync_LatestVersion_TakesOneRoundTrip()
    {
        var database = await fixture.GetAsync(PersistenceProvider.Postgres);
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        await harness.PublishAsync("""
            {
              "id": "start-trips",
              "version": 1,
              "name": "Log",
              "inputs": [ { "name": "change", "type": "string", "required": true } ],
              "activities": [ { "id": "done", "type": "Log", "inputs": { "message": { "js": "input.change" } } } ],
              "connections": []
            }
            """);
        await harness.StartAsync("start-trips", "CHG-warm");
        using var counter = new DatabaseCommandCounter(database.ConnectionString);

        await harness.StartAsync("start-trips", "CHG-start");

        // The commit batch alone: the latest version this node knows comes from its cache, and the batch checks that
        // no newer one has been published.
        var commands = counter.Commands;
        Assert.True(commands.Count == 1, $"{commands.Count} commands:{Environment.NewLine}{string.Join(Environment.NewLine, commands)}");
        Assert.DoesNotContain(commands, c => c.Contains("json", StringComparison.OrdinalIgnoreCase) && c.Contains("definitions", StringComparison.OrdinalIgnoreCase));
    }
}

using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.IntegrationTests.Persistence;

/// <summary>The engine's runtime end to end on the durable stores of each provider.</summary>
public sealed class WorkflowRuntimePersistenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RaiseEventAsync_WaitingInstance_CompletesWithItsJournalStored(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        await harness.PublishAsync(WaitThenLog("approve-then-log"));
        var started = await harness.StartAsync("approve-then-log", "CHG0030012");
        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Single(await harness.Instances.GetBookmarksAsync(started.Id, None));

        var raised = await harness.Runtime.RaiseEventAsync("approval", "CHG0030012", new JsonObject { ["by"] = "ann" }, null, None);

        Assert.Equal(1, raised.Resumed);
        var instance = await harness.InstanceAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("ann", instance.Steps["wait"]!["payload"]!["by"]!.GetValue<string>());
        Assert.Empty(await harness.Instances.GetBookmarksAsync(started.Id, None));
        var journal = await harness.JournalAsync(started.Id);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        Assert.Equal(JournalEntryType.InstanceStarted, journal[0].Type);
        Assert.Contains(journal, j => j.Type == JournalEntryType.ActivitySuspended && j.ActivityId == "wait");
        Assert.Contains(journal, j => j.Type == JournalEntryType.ActivityResumed && j.ActivityId == "wait");
        Assert.Contains(journal, j => j.Type == JournalEntryType.Message && j.Message == "approved by ann");
        Assert.Equal(JournalEntryType.InstanceCompleted, journal[^1].Type);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RaiseEventAsync_OnANodeStartedAfterARestart_ResumesTheCommittedInstance(PersistenceProvider provider)
    {
        string instanceId;
        await using (var before = await fixture.HarnessAsync(provider))
        {
            await before.PublishAsync(WaitThenLog("restart-then-log"));
            instanceId = (await before.StartAsync("restart-then-log", "CHG-restart")).Id;
        }

        await using var after = await fixture.HarnessAsync(provider);
        var raised = await after.Runtime.RaiseEventAsync("approval", "CHG-restart", new JsonObject { ["by"] = "bob" }, null, None);

        Assert.Equal(1, raised.Resumed);
        Assert.Equal(InstanceStatus.Completed, (await after.InstanceAsync(instanceId)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartAsync_StimulusArrivedFirst_DeliversAndConsumesIt(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        await harness.PublishAsync(WaitThenLog("early-then-log"));
        var early = await harness.Runtime.RaiseEventAsync("approval", "CHG-early", new JsonObject { ["by"] = "early" }, "delivery-early", None);
        Assert.True(early.Buffered);

        var started = await harness.StartAsync("early-then-log", "CHG-early");

        Assert.Equal(InstanceStatus.Completed, started.Status);
        Assert.Empty(await harness.Stimuli.FindPendingAsync("approval", "CHG-early", None));
        Assert.Contains(await harness.JournalAsync(started.Id), j => j.Message == "approved by early");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProcessDueTimersAsync_DelayElapsed_ResumesAndCompletes(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        await harness.PublishAsync("""
            {
              "id": "delay-then-log",
              "version": 1,
              "name": "Delay then log",
              "inputs": [ { "name": "change", "type": "string", "required": true } ],
              "activities": [
                { "id": "soak", "type": "Delay", "inputs": { "duration": "PT10M" } },
                { "id": "done", "type": "Log", "inputs": { "message": "soaked" } }
              ],
              "connections": [ { "from": "soak", "to": "done" } ]
            }
            """);
        var started = await harness.StartAsync("delay-then-log", "CHG-delay");
        var early = await harness.Runtime.ProcessDueTimersAsync(None);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var fired = await harness.Runtime.ProcessDueTimersAsync(None);

        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal(0, early);
        Assert.True(fired >= 1, $"fired {fired}");
        Assert.Equal(InstanceStatus.Completed, (await harness.InstanceAsync(started.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RaiseEventAsync_HundredWaitingInstancesEachRaisedTwiceAtOnce_ResumesEachExactlyOnce(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        await harness.PublishAsync(WaitThenLog("many-then-log"));
        var run = Bursts.NewId();
        var instances = new List<(string Id, string Key)>();
        for (var i = 0; i < 100; i++)
        {
            var key = $"{run}:{i}";
            instances.Add(((await harness.StartAsync("many-then-log", key)).Id, key));
        }

        // Each key twice with one delivery id, as a retried webhook would: one takes effect, the other is a duplicate.
        var raises = instances.SelectMany(i => new[] { i.Key, i.Key }).Select(key => Task.Run(() =>
            harness.Runtime.RaiseEventAsync("approval", key, new JsonObject { ["by"] = key }, $"delivery-{key}", None)));
        var results = await Task.WhenAll(raises);

        Assert.Equal(100, results.Sum(r => r.Resumed));
        Assert.Equal(100, results.Count(r => r.Duplicate));
        await using var db = await harness.DbAsync();
        var ids = instances.Select(i => i.Id).ToList();
        var statuses = await db.Set<InstanceRow>().Where(i => ids.Contains(i.Id)).Select(i => i.Status).ToListAsync();
        Assert.Equal(100, statuses.Count(s => s == InstanceStatus.Completed));
        foreach (var id in ids)
        {
            Assert.Single(await harness.JournalAsync(id), j => j.Type == JournalEntryType.ActivityResumed);
        }

        Assert.False(await db.Set<BookmarkRow>().AnyAsync(b => ids.Contains(b.InstanceId)));
    }

    private static string WaitThenLog(string id) => $$"""
        {
          "id": "{{id}}",
          "version": 1,
          "name": "Wait for approval, then log",
          "inputs": [ { "name": "change", "type": "string", "required": true } ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
            { "id": "done", "type": "Log", "inputs": { "message": { "js": "`approved by ${steps.wait.payload.by}`" } } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "done" } ]
        }
        """;
}

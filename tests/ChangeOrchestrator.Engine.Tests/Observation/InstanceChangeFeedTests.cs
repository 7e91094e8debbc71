using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Observation;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Observation;

public sealed class InstanceChangeFeedTests
{
    private const string Waiting = """
        {
          "id": "feed-wait", "name": "Waits once",
          "inputs": [ { "name": "key", "type": "string", "required": true } ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "signal", "key": { "js": "input.key" } } },
            { "id": "done", "type": "Log", "inputs": { "message": "signalled" } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "done" } ]
        }
        """;

    [Fact]
    public async Task Publish_EveryCommitOfTheRuntime_ReachesSubscribersWithTheNewStatus()
    {
        using var engine = new EngineHarness(services => services.AddInstanceChangeFeed());
        await engine.PublishAsync(Waiting);
        var seen = new List<InstanceChange>();
        using var subscription = engine.Get<InstanceChangeFeed>().Subscribe(seen.Add);

        var instance = await engine.StartAsync("feed-wait", new JsonObject { ["key"] = "k1" });
        await engine.RaiseAsync("signal", "k1");

        Assert.Equal(
            [new InstanceChange(instance.Id, "feed-wait", InstanceStatus.Suspended), new InstanceChange(instance.Id, "feed-wait", InstanceStatus.Completed)],
            seen);
    }

    [Fact]
    public async Task Subscribe_Disposed_StopsReceiving()
    {
        using var engine = new EngineHarness(services => services.AddInstanceChangeFeed());
        await engine.PublishAsync(Waiting);
        var feed = engine.Get<InstanceChangeFeed>();
        var seen = 0;
        var subscription = feed.Subscribe(_ => seen++);

        await engine.StartAsync("feed-wait", new JsonObject { ["key"] = "k2" });
        subscription.Dispose();
        await engine.RaiseAsync("signal", "k2");

        Assert.Equal(1, seen);
        Assert.Equal(0, feed.Subscribers);
    }
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Fleet;

public sealed class CheckAgentsTests
{
    [Fact]
    public async Task CheckAgents_EveryAgentOnline_ContinuesOnAllOnline()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(3).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.PublishAsync(TestWorkflows.OneStep("agents", "CheckAgents", new { instanceIds = ids }));

        var instance = await harness.StartAsync("agents");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("AllOnline", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(ids, output["onlineIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(output["offlineIds"]!.AsArray());
        Assert.All(output["agents"]!.AsArray(), a => Assert.Equal("online", a!["pingStatus"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CheckAgents_OneAgentLostItsConnection_ContinuesOnSomeOfflineNamingIt()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(3).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.Aws.PostAsync("agents", new { instanceIds = new[] { ids[1] }, pingStatus = "ConnectionLost" });
        await harness.PublishAsync(TestWorkflows.OneStep("agents", "CheckAgents", new { instanceIds = ids }));

        var instance = await harness.StartAsync("agents");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("SomeOffline", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal([ids[0], ids[2]], output["onlineIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([ids[1]], output["offlineIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal((2, 1), (output["onlineCount"]!.GetValue<int>(), output["offlineCount"]!.GetValue<int>()));
        var lost = output["agents"]!.AsArray().Single(a => a!["instanceId"]!.GetValue<string>() == ids[1])!;
        Assert.Equal("connectionLost", lost["pingStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task CheckAgents_UnregisteredAndDisconnected_ContinuesOnNoneOnline()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 80);
        var unregistered = (await harness.Aws.NodesAsync("&managed=false")).First(n => !n.Hybrid).InstanceId;
        var disconnected = (await harness.Aws.OnlineNodesAsync()).First().InstanceId;
        await harness.Aws.PostAsync("agents", new { instanceIds = new[] { disconnected }, pingStatus = "ConnectionLost" });
        await harness.PublishAsync(TestWorkflows.OneStep("agents", "CheckAgents", new { instanceIds = new[] { unregistered, disconnected } }));

        var instance = await harness.StartAsync("agents");

        var agents = (await harness.OutputAsync(instance.Id, "step"))["agents"]!.AsArray().ToDictionary(a => a!["instanceId"]!.GetValue<string>(), a => a!["pingStatus"]!.GetValue<string>());
        Assert.Equal("NoneOnline", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal("notRegistered", agents[unregistered]);
        Assert.Equal("connectionLost", agents[disconnected]);
    }
}

using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Ec2Tag = Amazon.EC2.Model.Tag;
using SsmTag = Amazon.SimpleSystemsManagement.Model.Tag;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Fleet;

public sealed class AwsPatchFleetTargetTests
{
    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped"];

    [Fact]
    public async Task ResolveTargetsAsync_PatchGroup_ReturnsEc2HybridAndUnregisteredInstancesOfTheGroup()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var expected = (await host.NodesAsync("&patchGroup=Prod"))
            .Where(n => n.Hybrid ? n.Managed : LiveStates.Contains(n.Ec2State))
            .ToDictionary(n => n.InstanceId);

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector { PatchGroups = ["Prod"] }, CancellationToken.None);

        Assert.Equal(expected.Keys.Order(), targets.Select(t => t.InstanceId));
        Assert.Contains(targets, t => t.IsHybrid);
        Assert.Contains(targets, t => !t.IsHybrid);
        Assert.All(targets, t =>
        {
            var node = expected[t.InstanceId];
            Assert.Equal("Prod", t.PatchGroup);
            Assert.Equal(t.IsHybrid ? null : "Prod", t.Environment);
            Assert.Equal(node.Name, t.Name);
            Assert.Equal(node.Hybrid, t.IsHybrid);
            Assert.Equal(node.Platform, t.Platform.ToString());
            Assert.Equal(node.Managed ? node.PingStatus : "NotRegistered", t.PingStatus.ToString());
            Assert.Equal("Prod", t.Tags["Patch Group"]);
        });
    }

    [Fact]
    public async Task ResolveTargetsAsync_TagFilterWithExclusion_SelectsTaggedInstancesExceptExcluded()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var nodes = await host.NodesAsync("&managed=true");
        var ec2 = nodes.Where(n => !n.Hybrid && n.Ec2State == "running").Take(3).Select(n => n.InstanceId).ToList();
        var hybrid = nodes.Where(n => n.Hybrid).Take(2).Select(n => n.InstanceId).ToList();
        await host.Ec2().CreateTagsAsync(new CreateTagsRequest { Resources = ec2, Tags = [new Ec2Tag("PatchWave", "1")] });
        await host.Ec2().CreateTagsAsync(new CreateTagsRequest { Resources = [ec2[0]], Tags = [new Ec2Tag("PatchExclude", "true")] });
        await TagHybridAsync(host, hybrid[0], "PatchWave", "1");
        await TagHybridAsync(host, hybrid[1], "PatchWave", "1");
        await TagHybridAsync(host, hybrid[1], "PatchExclude", "true");
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector
        {
            Tags = [new TagFilter("PatchWave", ["1"])],
            ExcludeTags = [new TagFilter("PatchExclude", [])],
        }, CancellationToken.None);

        Assert.Equal(new[] { ec2[1], ec2[2], hybrid[0] }.Order(), targets.Select(t => t.InstanceId));
        Assert.Equal("1", Assert.Single(targets, t => t.IsHybrid).Tags["PatchWave"]);
        Assert.Equal(0, (await host.CounterAsync("SSM.ListTagsForResource")).Calls);
    }

    [Fact]
    public async Task ResolveTargetsAsync_ReadAllHybridNodeTags_GivesHybridNodesEveryTag()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var hybrid = (await host.NodesAsync("&patchGroup=Test")).Count(n => n.Hybrid && n.Managed);
        var fleet = host.Connect(new Dictionary<string, string?> { ["Aws:ReadAllHybridNodeTags"] = "true" }).GetRequiredService<IPatchFleet>();

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector { PatchGroups = ["Test"] }, CancellationToken.None);

        var hybrids = targets.Where(t => t.IsHybrid).ToList();
        Assert.Equal(hybrid, hybrids.Count);
        Assert.All(hybrids, t =>
        {
            Assert.Equal("Test", t.Environment);
            Assert.True(t.Tags.ContainsKey("Application"));
            Assert.Equal(t.Name, t.Tags["Name"]);
        });
        Assert.Equal(hybrid, (await host.CounterAsync("SSM.ListTagsForResource")).Calls);
    }

    [Fact]
    public async Task ResolveTargetsAsync_ExplicitIds_ReturnsThemIncludingUnregisteredInstances()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var nodes = await host.NodesAsync();
        var hybrid = nodes.First(n => n.Hybrid).InstanceId;
        var managed = nodes.First(n => n.Managed && n.Ec2State == "running").InstanceId;
        var unregistered = nodes.First(n => !n.Managed && n.Ec2State == "running").InstanceId;
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector { InstanceIds = [hybrid, managed, unregistered] }, CancellationToken.None);

        Assert.Equal(new[] { hybrid, managed, unregistered }.Order(), targets.Select(t => t.InstanceId));
        Assert.True(targets.Single(t => t.InstanceId == hybrid).IsHybrid);
        Assert.Equal("running", targets.Single(t => t.InstanceId == managed).InstanceState);
        Assert.Equal(AgentPingStatus.NotRegistered, targets.Single(t => t.InstanceId == unregistered).PingStatus);
    }

    [Fact]
    public async Task ResolveTargetsAsync_ExplicitIdsAndEnvironment_KeepsOnlyIdsInThatEnvironment()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var nodes = await host.NodesAsync("&managed=true");
        var dev = nodes.Where(n => n.PatchGroup == "Dev" && n.Ec2State is null or "running").Take(2).Select(n => n.InstanceId).ToList();
        var prod = nodes.Where(n => n.PatchGroup == "Prod" && n.Ec2State is null or "running").Take(2).Select(n => n.InstanceId).ToList();
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector { InstanceIds = [.. dev, .. prod], Environment = "Dev" }, CancellationToken.None);

        Assert.Equal(dev.Order(), targets.Select(t => t.InstanceId));
    }

    [Fact]
    public async Task ResolveTargetsAsync_EmptySelector_ThrowsPermanentWithoutCallingAws()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var error = await Assert.ThrowsAsync<FleetException>(() => fleet.ResolveTargetsAsync(new TargetSelector(), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(0, (await host.CounterAsync("SSM.DescribeInstanceInformation")).Calls);
    }

    [Fact]
    public async Task GetAgentStatusAsync_MixedIds_ReportsOnlineConnectionLostAndNotRegistered()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var nodes = await host.NodesAsync();
        var online = nodes.First(n => n.Managed && n.PingStatus == "Online" && n.Ec2State is null or "running").InstanceId;
        var lost = nodes.Last(n => n.Managed && n.PingStatus == "Online" && n.Ec2State is null or "running").InstanceId;
        var unregistered = nodes.First(n => !n.Managed).InstanceId;
        await host.PostAsync("agents", new { instanceIds = new[] { lost }, pingStatus = "ConnectionLost" });
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var statuses = await fleet.GetAgentStatusAsync([online, lost, unregistered], CancellationToken.None);

        Assert.Equal(AgentPingStatus.Online, statuses.Single(s => s.InstanceId == online).PingStatus);
        Assert.NotNull(statuses.Single(s => s.InstanceId == online).AgentVersion);
        Assert.Equal(AgentPingStatus.ConnectionLost, statuses.Single(s => s.InstanceId == lost).PingStatus);
        Assert.Equal(AgentPingStatus.NotRegistered, statuses.Single(s => s.InstanceId == unregistered).PingStatus);
        Assert.Equal(1, (await host.CounterAsync("SSM.DescribeInstanceInformation")).Calls);
    }

    private static Task TagHybridAsync(AwsConnectorTestHost host, string instanceId, string key, string value) =>
        host.Ssm().AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceType = ResourceTypeForTagging.ManagedInstance,
            ResourceId = instanceId,
            Tags = [new SsmTag { Key = key, Value = value }],
        });
}

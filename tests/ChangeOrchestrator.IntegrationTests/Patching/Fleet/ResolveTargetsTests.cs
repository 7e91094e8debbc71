using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Fleet;

public sealed class ResolveTargetsTests
{
    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped"];

    [Fact]
    public async Task ResolveTargets_PatchGroupWithExclusionTag_SelectsTheGroupButTheExcludedInstance()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 60);
        var group = (await harness.Aws.NodesAsync("&patchGroup=Dev")).Where(n => n.Hybrid ? n.Managed : LiveStates.Contains(n.Ec2State)).ToList();
        var excluded = group.First(n => !n.Hybrid).InstanceId;
        await harness.Aws.TagAsync(excluded, "PatchExempt", "true");
        await harness.PublishAsync(TestWorkflows.OneStep("resolve", "ResolveTargets", new
        {
            patchGroups = new[] { "Dev" },
            excludeTags = new Dictionary<string, string[]> { ["PatchExempt"] = [] },
        }));

        var instance = await harness.StartAsync("resolve");

        var output = await harness.OutputAsync(instance.Id, "step");
        var expected = group.Select(n => n.InstanceId).Where(id => id != excluded).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(expected, output["instanceIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(expected.Count, output["count"]!.GetValue<int>());
        Assert.All(output["instances"]!.AsArray(), i => Assert.Equal("Dev", i!["patchGroup"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ResolveTargets_ExplicitIds_DescribesEachInstance()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var nodes = await harness.Aws.NodesAsync("&managed=true");
        var ec2 = nodes.First(n => !n.Hybrid && n.Ec2State == "running");
        var hybrid = nodes.First(n => n.Hybrid);
        await harness.PublishAsync(TestWorkflows.OneStep("resolve", "ResolveTargets", new { instanceIds = new[] { hybrid.InstanceId, ec2.InstanceId } }));

        var instance = await harness.StartAsync("resolve");

        var described = (await harness.OutputAsync(instance.Id, "step"))["instances"]!.AsArray().ToDictionary(i => i!["instanceId"]!.GetValue<string>());
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(2, described.Count);
        foreach (var node in new[] { ec2, hybrid })
        {
            var target = described[node.InstanceId]!;
            Assert.Equal(node.Name, target["name"]!.GetValue<string>());
            Assert.Equal(node.Platform, target["platform"]!.GetValue<string>(), ignoreCase: true);
            Assert.Equal(node.PatchGroup, target["patchGroup"]!.GetValue<string>());
            Assert.Equal(node.Hybrid, target["isHybrid"]!.GetValue<bool>());
            Assert.Equal(node.PingStatus, target["pingStatus"]!.GetValue<string>(), ignoreCase: true);
        }

        // The simulated fleet tags each EC2 instance's environment with the name of its patch group.
        Assert.Equal(ec2.PatchGroup, described[ec2.InstanceId]!["environment"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResolveTargets_NothingMatches_EndsOnNoTargets()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(TestWorkflows.OneStep("resolve", "ResolveTargets", new { patchGroups = new[] { "Dev" }, environment = "Staging" }));

        var instance = await harness.StartAsync("resolve");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("NoTargets", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(0, output["count"]!.GetValue<int>());
        Assert.Empty(output["instances"]!.AsArray());
    }

    [Fact]
    public async Task ResolveTargets_NoCriteria_FaultsWithoutAskingTheFleet()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(TestWorkflows.OneStep("resolve", "ResolveTargets", new { excludeTags = new Dictionary<string, string[]> { ["PatchExempt"] = [] } }));

        var instance = await harness.StartAsync("resolve");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("whole fleet", instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.Aws.CallsAsync("EC2.DescribeInstances"));
        Assert.Equal(0, await harness.Aws.CallsAsync("SSM.DescribeInstanceInformation"));
    }
}

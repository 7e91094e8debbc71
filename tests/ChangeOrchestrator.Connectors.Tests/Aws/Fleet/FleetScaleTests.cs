using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Fleet;

/// <summary>API calls for a fleet of 5,000 servers, against the minimum the page-size limits allow.</summary>
public sealed class FleetScaleTests(ITestOutputHelper output)
{
    private static readonly string[] LiveStates = ["pending", "running", "stopping", "stopped"];

    [Fact]
    public async Task ResolveTargetsAndGetAgentStatus_5000Servers_UseTheMinimumNumberOfCalls()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        await host.PostAsync("reset", new { size = 5000, seed = 5 });
        var nodes = await host.NodesAsync();
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        await host.ResetCountersAsync();

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector { PatchGroups = ["Dev", "Test", "Prod"] }, CancellationToken.None);
        var describeInformation = await host.CounterAsync("SSM.DescribeInstanceInformation");
        var describeInstances = await host.CounterAsync("EC2.DescribeInstances");
        var listTags = await host.CounterAsync("SSM.ListTagsForResource");
        await host.ResetCountersAsync();
        var statuses = await fleet.GetAgentStatusAsync([.. targets.Select(t => t.InstanceId)], CancellationToken.None);
        var statusCalls = await host.CounterAsync("SSM.DescribeInstanceInformation");

        var registered = nodes.Where(n => n.Managed && n.Ec2State != "terminated").ToList();
        var ec2 = nodes.Count(n => !n.Hybrid && LiveStates.Contains(n.Ec2State));
        var hybrid = nodes.Count(n => n.Hybrid && n.Managed);
        var minimum = Pages(registered.Count, 50) + Pages(ec2, 1000);
        output.WriteLine($"fleet {nodes.Count}: registered {registered.Count}, EC2 {ec2}, hybrid {hybrid}; minimum {minimum} calls");
        output.WriteLine($"resolve: DescribeInstanceInformation {describeInformation.Calls}, DescribeInstances {describeInstances.Calls}, ListTagsForResource {listTags.Calls}");
        output.WriteLine($"agent status of {targets.Count}: DescribeInstanceInformation {statusCalls.Calls}");
        Assert.Equal(5000, nodes.Count);
        Assert.Equal(ec2 + hybrid, targets.Count);

        // One query per patch group (so each hybrid node's group is known) costs at most a page per extra group.
        Assert.Equal(registered.GroupBy(n => n.PatchGroup).Sum(g => Pages(g.Count(), 50)), describeInformation.Calls);
        Assert.Equal(Pages(ec2, 1000), describeInstances.Calls);
        Assert.Equal(0, listTags.Calls);
        Assert.True(describeInformation.Calls + describeInstances.Calls <= minimum * 1.1, $"{describeInformation.Calls + describeInstances.Calls} calls, minimum {minimum}");
        Assert.Equal(targets.Count, statuses.Count);
        Assert.Equal(Pages(targets.Count, 50), statusCalls.Calls);
        Assert.Equal(targets.Count(t => t.PingStatus == AgentPingStatus.NotRegistered), statuses.Count(s => s.PingStatus == AgentPingStatus.NotRegistered));
    }

    private static long Pages(int items, int pageSize) => (items + pageSize - 1) / pageSize;
}

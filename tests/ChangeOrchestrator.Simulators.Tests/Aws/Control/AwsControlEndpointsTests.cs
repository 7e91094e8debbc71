using System.Net;
using System.Net.Http.Json;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Control;

public sealed class AwsControlEndpointsTests
{
    [Fact]
    public async Task Reset_WithSizeAndSeed_RegeneratesTheSameFleetForTheSameSeed()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await host.PostAsync("reset", new { size = 250, seed = 99 });
        var first = await host.NodesAsync();
        await host.PostAsync("reset", new { size = 250, seed = 99 });
        var second = await host.NodesAsync();
        await host.PostAsync("reset", new { size = 250, seed = 100 });
        var other = await host.NodesAsync();

        Assert.Equal(250, first.Count);
        Assert.Equal(first.Select(n => n.InstanceId), second.Select(n => n.InstanceId));
        Assert.NotEqual(first.Select(n => n.InstanceId), other.Select(n => n.InstanceId));
    }

    [Fact]
    public async Task Reset_SizeAboveLimit_IsRejectedAsProblem()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        using var response = await host.Control.PostAsJsonAsync("reset", new { size = 130_000 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Agents_SetConnectionLost_IsReportedByDescribeInstanceInformation()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync("?managed=true")).First(n => n.PingStatus == "Online");

        await host.PostAsync("agents", new { instanceIds = new[] { node.InstanceId }, pingStatus = "ConnectionLost" });
        var info = await host.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [node.InstanceId] }],
        });

        Assert.Equal("ConnectionLost", info.InstanceInformationList.Single().PingStatus.Value);
    }

    [Fact]
    public async Task Counters_Delete_ResetsEveryOperation()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await host.Ssm().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());

        var before = await host.CounterAsync("SSM.DescribeInstanceInformation");
        using var response = await host.Control.DeleteAsync("counters");
        var after = await host.CounterAsync("SSM.DescribeInstanceInformation");

        Assert.Equal(1, before.Calls);
        Assert.Equal(0, after.Calls);
    }

    [Fact]
    public async Task InstanceState_Stopped_ShowsInEc2AndAsLostAgent()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync("?managed=true")).First(n => !n.Hybrid && n.PingStatus == "Online");

        await host.PostAsync("instances/state", new { instanceIds = new[] { node.InstanceId }, state = "stopped" });
        var instance = (await host.Ec2().DescribeInstancesAsync(new Amazon.EC2.Model.DescribeInstancesRequest { InstanceIds = [node.InstanceId] })).Reservations[0].Instances[0];
        var summary = (await host.NodesAsync()).Single(n => n.InstanceId == node.InstanceId);

        Assert.Equal(Amazon.EC2.InstanceStateName.Stopped, instance.State.Name);
        Assert.Equal(80, instance.State.Code);
        Assert.Equal("ConnectionLost", summary.PingStatus);
    }
}

using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws;

/// <summary>Throttling, outages and refusals as the real services send them, and how each ends at the port.</summary>
public sealed class AwsErrorHandlingTests
{
    [Fact]
    public async Task ResolveTargetsAsync_SsmThrottlesTwice_SdkRetriesToSuccess()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "SSM", operation = "DescribeInstanceInformation", count = 2 });
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector { PatchGroups = ["Dev"] }, CancellationToken.None);
        var counter = await host.CounterAsync("SSM.DescribeInstanceInformation");

        Assert.NotEmpty(targets);
        Assert.Equal(2, counter.Throttled);
        Assert.Equal(3, counter.Calls);
    }

    [Fact]
    public async Task ResolveTargetsAsync_Ec2RequestLimitExceededTwice_SdkRetriesToSuccess()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "EC2", operation = "DescribeInstances", count = 2 });
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var targets = await fleet.ResolveTargetsAsync(new TargetSelector { PatchGroups = ["Test"] }, CancellationToken.None);
        var counter = await host.CounterAsync("EC2.DescribeInstances");

        Assert.Contains(targets, t => !t.IsHybrid);
        Assert.Equal(2, counter.Throttled);
        Assert.Equal(3, counter.Calls);
    }

    [Fact]
    public async Task GetAgentStatusAsync_PersistentThrottling_ThrowsTransientAfterEveryRetry()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "SSM", operation = "DescribeInstanceInformation" });
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var node = (await host.NodesAsync("&managed=true")).First().InstanceId;

        var error = await Assert.ThrowsAsync<FleetException>(() => fleet.GetAgentStatusAsync([node], CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(3, (await host.CounterAsync("SSM.DescribeInstanceInformation")).Throttled);
    }

    [Fact]
    public async Task GetSnapshotStatusAsync_PersistentEc2Throttling_ThrowsTransientAfterEveryRetry()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "EC2", operation = "DescribeSnapshots" });
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();

        var error = await Assert.ThrowsAsync<FleetException>(() => snapshots.GetSnapshotStatusAsync(["snap-0123456789abcdef0"], CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("RequestLimitExceeded", error.ErrorCode);
        Assert.Equal(3, (await host.CounterAsync("EC2.DescribeSnapshots")).Calls);
    }

    [Fact]
    public async Task StartPatchOperationAsync_UnknownInstance_ThrowsPermanentWithServiceMessageAfterOneAttempt()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();

        var error = await Assert.ThrowsAsync<FleetException>(() => fleet.StartPatchOperationAsync(new PatchCommandRequest
        {
            Operation = PatchOperation.Scan, InstanceIds = ["i-0123456789abcdef0"], IdempotencyToken = "chg-20.scan",
        }, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("InvalidInstanceId", error.ErrorCode);
        Assert.Contains("Instances [[i-0123456789abcdef0]] not in a valid state", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await host.CounterAsync("SSM.SendCommand")).Calls);
    }

    [Fact]
    public async Task CreateSnapshotsAsync_UnknownInstance_ThrowsPermanentNamingItBeforeCreatingAnything()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();

        var error = await Assert.ThrowsAsync<FleetException>(() => snapshots.CreateSnapshotsAsync(
            [new SnapshotRequest { InstanceId = "i-0123456789abcdef0", ChangeNumber = "chg-21", IdempotencyKey = "chg-21.snapshot" }], CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
        Assert.Contains("i-0123456789abcdef0", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
        Assert.Equal(0, (await host.CounterAsync("EC2.CreateSnapshots")).Calls);
    }

    [Fact]
    public async Task StartPatchOperationAsync_SendCommandFailsOnce_LooksAgainThenSendsExactlyOnce()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        await host.PostAsync("faults/errors", new { service = "SSM", operation = "SendCommand", count = 1 });
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var nodes = await Fleet.AwsPatchFleetCommandTests.OnlineNodesAsync(host, 2);

        var reference = await fleet.StartPatchOperationAsync(
            new PatchCommandRequest { Operation = PatchOperation.Scan, InstanceIds = nodes, IdempotencyToken = "chg-22.scan" }, CancellationToken.None);
        var send = await host.CounterAsync("SSM.SendCommand");

        Assert.Single(reference.CommandIds);
        Assert.Equal(2, send.Calls);
        Assert.Equal(1, send.InjectedErrors);
        Assert.Equal(2, (await host.CounterAsync("SSM.ListCommands")).Calls);
    }

    [Fact]
    public async Task CreateSnapshotsAsync_CreateThrottledOnce_RetriesAfterLookingAndCreatesOneSet()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "EC2", operation = "CreateSnapshots", count = 1 });
        var node = (await host.NodesAsync("&managed=true")).First(n => !n.Hybrid && n.Ec2State == "running");
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();

        var set = Assert.Single(await snapshots.CreateSnapshotsAsync(
            [new SnapshotRequest { InstanceId = node.InstanceId, ChangeNumber = "chg-23", IdempotencyKey = "chg-23.snapshot" }], CancellationToken.None));
        var create = await host.CounterAsync("EC2.CreateSnapshots");

        Assert.Equal(node.VolumeIds.Count, set.Snapshots.Count);
        Assert.Equal(2, create.Calls);
        Assert.Equal(1, create.Throttled);
        Assert.Equal(2, (await host.CounterAsync("EC2.DescribeSnapshots")).Calls);
    }
}

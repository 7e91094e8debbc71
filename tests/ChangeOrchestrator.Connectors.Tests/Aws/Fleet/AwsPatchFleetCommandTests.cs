using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Fleet;

public sealed class AwsPatchFleetCommandTests
{
    [Fact]
    public async Task StartPatchOperationAsync_Scan_RunsToSuccessAndRecordsScanCompliance()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var nodes = await OnlineNodesAsync(host, 3);
        var before = (await fleet.GetPatchStatesAsync(nodes, CancellationToken.None)).ToDictionary(s => s.InstanceId);

        var reference = await fleet.StartPatchOperationAsync(
            new PatchCommandRequest { Operation = PatchOperation.Scan, InstanceIds = nodes, IdempotencyToken = "chg-1.scan" }, CancellationToken.None);
        var status = await AwsConnectorTestHost.WaitForAsync(() => fleet.GetPatchOperationStatusAsync(reference, CancellationToken.None), s => s.IsDone);
        var states = await AwsConnectorTestHost.WaitForAsync(
            () => fleet.GetPatchStatesAsync(nodes, CancellationToken.None),
            s => s.Count == nodes.Count && s.All(state => !before.TryGetValue(state.InstanceId, out var old) || state.LastOperationEndedAt > old.LastOperationEndedAt));

        Assert.Single(reference.CommandIds);
        Assert.False(reference.FoundExisting);
        Assert.Equal(CommandState.Success, status.State);
        Assert.Equal(3, status.SucceededCount);
        Assert.All(status.Instances, i => Assert.Equal(0, i.ResponseCode));
        Assert.All(states, s => Assert.Equal(PatchOperation.Scan, s.LastOperation));
    }

    [Fact]
    public async Task StartPatchOperationAsync_SameTokenAfterRestart_FindsCommandAndDoesNotSendAgain()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var nodes = await OnlineNodesAsync(host, 2);
        var request = new PatchCommandRequest
        {
            Operation = PatchOperation.Install, Reboot = RebootOption.NoReboot, InstanceIds = nodes, IdempotencyToken = "wf-7f3a:patch-wave-1",
        };
        var first = await host.Connect().GetRequiredService<IPatchFleet>().StartPatchOperationAsync(request, CancellationToken.None);

        // A new connector, as after a crash of the server: nothing of the first run survives but the token.
        var again = await host.Connect().GetRequiredService<IPatchFleet>().StartPatchOperationAsync(
            request with { InstanceIds = [.. nodes.AsEnumerable().Reverse()] }, CancellationToken.None);

        Assert.False(first.FoundExisting);
        Assert.True(again.FoundExisting);
        Assert.Equal(first.CommandIds, again.CommandIds);
        Assert.Equal(1, (await host.CounterAsync("SSM.SendCommand")).Calls);
    }

    [Fact]
    public async Task StartPatchOperationAsync_MoreThan50Instances_SendsOneCommandPer50AndResendsNone()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 160);
        var nodes = await OnlineNodesAsync(host, 120);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var request = new PatchCommandRequest { Operation = PatchOperation.Scan, InstanceIds = nodes, IdempotencyToken = "chg-9.scan", MaxConcurrency = "25%" };

        var reference = await fleet.StartPatchOperationAsync(request, CancellationToken.None);
        var again = await fleet.StartPatchOperationAsync(request, CancellationToken.None);
        var status = await AwsConnectorTestHost.WaitForAsync(() => fleet.GetPatchOperationStatusAsync(reference, CancellationToken.None), s => s.IsDone);

        Assert.Equal(3, reference.CommandIds.Count);
        Assert.Equal(reference.CommandIds, again.CommandIds);
        Assert.Equal(3, (await host.CounterAsync("SSM.SendCommand")).Calls);
        Assert.Equal(120, status.TargetCount);
        Assert.Equal(CommandState.Success, status.State);
    }

    [Fact]
    public async Task StartPatchOperationAsync_SameTokenForOtherInstances_ThrowsPermanent()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var nodes = (await OnlineNodesAsync(host, 3)).Order(StringComparer.Ordinal).ToList();
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var request = new PatchCommandRequest { Operation = PatchOperation.Scan, InstanceIds = nodes[..2], IdempotencyToken = "chg-3.scan" };
        await fleet.StartPatchOperationAsync(request, CancellationToken.None);

        var error = await Assert.ThrowsAsync<FleetException>(() =>
            fleet.StartPatchOperationAsync(request with { InstanceIds = [nodes[0], nodes[2]] }, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("chg-3.scan", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await host.CounterAsync("SSM.SendCommand")).Calls);
    }

    [Fact]
    public async Task StartPatchOperationAsync_InstallWithInjectedPatchFailure_ReportsTheFailedServerWithItsOutput()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 80);
        var fleet = host.Connect().GetRequiredService<IPatchFleet>();
        var candidates = await OnlineNodesAsync(host, 40);
        var nodes = (await fleet.GetPatchStatesAsync(candidates, CancellationToken.None))
            .Where(s => s.MissingCount > 0 && s.FailedCount == 0).Take(2).Select(s => s.InstanceId).Order().ToList();
        await host.PostAsync("faults/patch-failure", new { instanceIds = new[] { nodes[0] } });

        var reference = await fleet.StartPatchOperationAsync(new PatchCommandRequest
        {
            Operation = PatchOperation.Install, Reboot = RebootOption.NoReboot, InstanceIds = nodes, IdempotencyToken = "chg-5.install", MaxErrors = "1",
        }, CancellationToken.None);
        var status = await AwsConnectorTestHost.WaitForAsync(() => fleet.GetPatchOperationStatusAsync(reference, CancellationToken.None), s => s.IsDone);
        var states = await AwsConnectorTestHost.WaitForAsync(
            () => fleet.GetPatchStatesAsync(nodes, CancellationToken.None), s => s.Count == 2 && s.All(x => x.LastOperation == PatchOperation.Install));
        var missing = await fleet.GetMissingPatchesAsync(nodes[0], CancellationToken.None);

        var failed = status.Instances.Single(i => i.InstanceId == nodes[0]);
        var succeeded = status.Instances.Single(i => i.InstanceId == nodes[1]);
        Assert.Equal(CommandState.Failed, status.State);
        Assert.Equal(1, status.FailedCount);
        Assert.Equal(CommandState.Failed, failed.State);
        Assert.Equal(1, failed.ResponseCode);
        Assert.Contains("Failed to install", failed.Output, StringComparison.Ordinal);
        Assert.Equal(CommandState.Success, succeeded.State);
        Assert.Null(succeeded.Output);
        Assert.True(states.Single(s => s.InstanceId == nodes[0]).FailedCount > 0);
        Assert.True(states.Single(s => s.InstanceId == nodes[1]).InstalledPendingRebootCount > 0);
        Assert.False(states.Single(s => s.InstanceId == nodes[1]).IsCompliant);
        Assert.Contains(missing, p => p.State == Patching.Compliance.MissingPatchState.Failed);
    }

    internal static async Task<List<string>> OnlineNodesAsync(AwsConnectorTestHost host, int count)
    {
        var nodes = (await host.NodesAsync("&managed=true"))
            .Where(n => n.PingStatus == "Online" && n.Ec2State is null or "running")
            .Select(n => n.InstanceId)
            .Take(count)
            .ToList();
        Assert.Equal(count, nodes.Count);
        return nodes;
    }
}

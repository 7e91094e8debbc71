using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Snapshots;

public sealed class AwsSnapshotServiceTests
{
    [Fact]
    public async Task CreateSnapshotsAsync_Instance_SnapshotsEveryAttachedVolumeAndCompletes()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var node = await RunningInstanceAsync(host);
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();

        var set = Assert.Single(await snapshots.CreateSnapshotsAsync([Request(node.InstanceId, "chg-11")], CancellationToken.None));
        var status = await AwsConnectorTestHost.WaitForAsync(
            () => snapshots.GetSnapshotStatusAsync([.. set.Snapshots.Select(s => s.SnapshotId)], CancellationToken.None), s => s.IsDone);

        Assert.False(set.FoundExisting);
        Assert.Equal(node.VolumeIds.Order(), set.Snapshots.Select(s => s.VolumeId).Order());
        Assert.Equal(node.VolumeIds[0], Assert.Single(set.Snapshots, s => s.IsRootVolume).VolumeId);
        Assert.NotNull(set.RootSnapshotId);
        Assert.Equal(SnapshotState.Completed, status.State);
        Assert.All(status.Snapshots, s => Assert.Equal(100, s.PercentDone));
    }

    [Fact]
    public async Task CreateSnapshotsAsync_ManyServers_StartsTheServersWithTheLargestVolumesFirst()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 120);
        var servers = (await host.NodesAsync("&managed=true")).Where(n => !n.Hybrid && n.Ec2State == "running").Take(12).ToList();
        // One call at a time, so the order of the calls is the order the service chose.
        var snapshots = host.Connect(new Dictionary<string, string?> { ["Aws:MaxConcurrentCalls"] = "1" }).GetRequiredService<ISnapshotService>();

        var sets = await snapshots.CreateSnapshotsAsync([.. servers.Select(n => Request(n.InstanceId, "chg-17"))], CancellationToken.None);
        var started = (await host.Ec2().DescribeSnapshotsAsync(new Amazon.EC2.Model.DescribeSnapshotsRequest { SnapshotIds = [.. sets.SelectMany(s => s.Snapshots).Select(s => s.SnapshotId)] }))
            .Snapshots.ToDictionary(s => s.SnapshotId, s => s.StartTime!.Value);
        var largestInCallOrder = sets
            .OrderBy(set => set.Snapshots.Min(s => started[s.SnapshotId]))
            .Select(set => set.Snapshots.Max(s => s.SizeGiB))
            .ToList();

        // The sets come back in the order asked for; they were created largest volume first.
        Assert.Equal(servers.Select(n => n.InstanceId), sets.Select(s => s.InstanceId));
        Assert.True(largestInCallOrder.Distinct().Count() > 1, "the fleet's servers should differ in volume size");
        Assert.Equal(largestInCallOrder.OrderDescending(), largestInCallOrder);
        Assert.Equal(1, (await host.CounterAsync("EC2.DescribeVolumes")).Calls);
    }

    [Fact]
    public async Task CreateSnapshotsAsync_SameKeyAgainAfterRestart_FindsTheSnapshotsWithoutCreatingMore()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var node = await RunningInstanceAsync(host);
        var request = Request(node.InstanceId, "chg-12");

        var first = Assert.Single(await host.Connect().GetRequiredService<ISnapshotService>().CreateSnapshotsAsync([request], CancellationToken.None));
        var again = Assert.Single(await host.Connect().GetRequiredService<ISnapshotService>().CreateSnapshotsAsync([request], CancellationToken.None));

        Assert.True(again.FoundExisting);
        Assert.Equal(first.Snapshots.Select(s => s.SnapshotId).Order(), again.Snapshots.Select(s => s.SnapshotId).Order());
        Assert.Equal(first.RootSnapshotId, again.RootSnapshotId);
        Assert.Equal(1, (await host.CounterAsync("EC2.CreateSnapshots")).Calls);
    }

    [Fact]
    public async Task GetSnapshotStatusAsync_SnapshotFails_ReportsErrorWithReason()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var node = await RunningInstanceAsync(host);
        await host.PostAsync("faults/snapshot-error", new { instanceIds = new[] { node.InstanceId } });
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();

        var set = Assert.Single(await snapshots.CreateSnapshotsAsync([Request(node.InstanceId, "chg-13")], CancellationToken.None));
        var status = await AwsConnectorTestHost.WaitForAsync(
            () => snapshots.GetSnapshotStatusAsync([.. set.Snapshots.Select(s => s.SnapshotId)], CancellationToken.None), s => s.IsDone);

        Assert.Equal(SnapshotState.Error, status.State);
        Assert.Contains(status.Snapshots, s => s.State == SnapshotState.Error && !string.IsNullOrEmpty(s.Message));
    }

    [Fact]
    public async Task CreateSnapshotsAsync_HybridNode_ThrowsPermanentWithoutCallingEc2()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var hybrid = (await host.NodesAsync()).First(n => n.Hybrid).InstanceId;
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();

        var error = await Assert.ThrowsAsync<FleetException>(() => snapshots.CreateSnapshotsAsync([Request(hybrid, "chg-14")], CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(0, (await host.CounterAsync("EC2.DescribeSnapshots")).Calls);
    }

    [Fact]
    public async Task RestoreRootVolumeAsync_FromCompletedRootSnapshot_SucceedsAndRepeatReturnsSameTask()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var node = await RunningInstanceAsync(host);
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();
        var set = Assert.Single(await snapshots.CreateSnapshotsAsync([Request(node.InstanceId, "chg-15")], CancellationToken.None));
        await AwsConnectorTestHost.WaitForAsync(
            () => snapshots.GetSnapshotStatusAsync([.. set.Snapshots.Select(s => s.SnapshotId)], CancellationToken.None), s => s.IsDone);
        var request = new RootVolumeRestoreRequest { InstanceId = node.InstanceId, SnapshotId = set.RootSnapshotId!, IdempotencyKey = "chg-15.rollback" };

        var restore = await snapshots.RestoreRootVolumeAsync(request, CancellationToken.None);
        // The service answers a repeated client token with the task it already created.
        var repeated = await snapshots.RestoreRootVolumeAsync(request, CancellationToken.None);
        var done = await AwsConnectorTestHost.WaitForAsync(() => snapshots.GetRestoreStatusAsync(restore.TaskId, CancellationToken.None), r => r.IsDone);
        var volumes = (await host.NodesAsync()).Single(n => n.InstanceId == node.InstanceId).VolumeIds;

        Assert.Equal(restore.TaskId, repeated.TaskId);
        Assert.Equal(RootVolumeRestoreState.Succeeded, done.State);
        Assert.NotNull(done.CompletedAt);
        Assert.Equal(set.RootSnapshotId, done.SnapshotId);
        Assert.DoesNotContain(node.VolumeIds[0], volumes);
        Assert.Equal(2, (await host.CounterAsync("EC2.CreateReplaceRootVolumeTask")).Calls);
    }

    [Fact]
    public async Task RestoreRootVolumeAsync_InjectedFailure_EndsFailed()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var node = await RunningInstanceAsync(host);
        await host.PostAsync("faults/root-volume-failure", new { instanceIds = new[] { node.InstanceId } });
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();
        var set = Assert.Single(await snapshots.CreateSnapshotsAsync([Request(node.InstanceId, "chg-16")], CancellationToken.None));
        await AwsConnectorTestHost.WaitForAsync(
            () => snapshots.GetSnapshotStatusAsync([.. set.Snapshots.Select(s => s.SnapshotId)], CancellationToken.None), s => s.IsDone);

        var restore = await snapshots.RestoreRootVolumeAsync(
            new RootVolumeRestoreRequest { InstanceId = node.InstanceId, SnapshotId = set.RootSnapshotId!, IdempotencyKey = "chg-16.rollback" }, CancellationToken.None);
        var done = await AwsConnectorTestHost.WaitForAsync(() => snapshots.GetRestoreStatusAsync(restore.TaskId, CancellationToken.None), r => r.IsDone);

        Assert.Equal(RootVolumeRestoreState.Failed, done.State);
    }

    private static SnapshotRequest Request(string instanceId, string change) =>
        new() { InstanceId = instanceId, ChangeNumber = change, IdempotencyKey = change + ".snapshot" };

    private static async Task<AwsConnectorTestHost.NodeSummary> RunningInstanceAsync(AwsConnectorTestHost host) =>
        (await host.NodesAsync("&managed=true")).First(n => !n.Hybrid && n.Ec2State == "running" && n.VolumeIds.Count > 1);
}

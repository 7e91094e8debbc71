using ChangeOrchestrator.Patching.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Snapshots;

/// <summary>API calls for snapshots of many servers at once: the lookups are batched, CreateSnapshots stays one per server.</summary>
public sealed class AwsSnapshotServiceBatchTests
{
    private const int Servers = 30;

    [Fact]
    public async Task CreateSnapshotsAsync_ThirtyServers_LooksUpOnceAndCreatesOneSetPerServer()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 150);
        var ids = await RunningInstanceIdsAsync(host);
        var snapshots = host.Connect().GetRequiredService<ISnapshotService>();
        await host.ResetCountersAsync();

        var sets = await snapshots.CreateSnapshotsAsync(Requests(ids, "chg-40"), CancellationToken.None);

        Assert.Equal(ids, sets.Select(s => s.InstanceId));
        Assert.All(sets, s => Assert.False(s.FoundExisting));
        Assert.All(sets, s => Assert.NotNull(s.RootSnapshotId));
        Assert.Equal(1, (await host.CounterAsync("EC2.DescribeSnapshots")).Calls);
        Assert.Equal(1, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
        Assert.Equal(Servers, (await host.CounterAsync("EC2.CreateSnapshots")).Calls);
    }

    [Fact]
    public async Task CreateSnapshotsAsync_HalfTheServersHaveSetsUnderTheKey_CreatesOnlyTheOtherHalf()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 150);
        var ids = await RunningInstanceIdsAsync(host);
        var earlier = await host.Connect().GetRequiredService<ISnapshotService>()
            .CreateSnapshotsAsync(Requests(ids.Take(Servers / 2), "chg-41"), CancellationToken.None);
        await host.ResetCountersAsync();

        // A fresh connector, as after a restart: only the tags on the snapshots tell which servers are done.
        var sets = await host.Connect().GetRequiredService<ISnapshotService>()
            .CreateSnapshotsAsync(Requests(ids, "chg-41"), CancellationToken.None);

        var found = sets.Where(s => s.FoundExisting).ToList();
        Assert.Equal(ids.Take(Servers / 2), found.Select(s => s.InstanceId));
        Assert.Equal(
            earlier.SelectMany(s => s.Snapshots).Select(s => s.SnapshotId).Order(StringComparer.Ordinal),
            found.SelectMany(s => s.Snapshots).Select(s => s.SnapshotId).Order(StringComparer.Ordinal));
        Assert.Equal(earlier.Select(s => s.RootSnapshotId), found.Select(s => s.RootSnapshotId));
        Assert.Equal(1, (await host.CounterAsync("EC2.DescribeSnapshots")).Calls);
        Assert.Equal(1, (await host.CounterAsync("EC2.DescribeInstances")).Calls);
        Assert.Equal(Servers / 2, (await host.CounterAsync("EC2.CreateSnapshots")).Calls);
    }

    private static List<SnapshotRequest> Requests(IEnumerable<string> ids, string change) =>
        [.. ids.Select(id => new SnapshotRequest { InstanceId = id, ChangeNumber = change, IdempotencyKey = change + ".snapshot" })];

    private static async Task<List<string>> RunningInstanceIdsAsync(AwsConnectorTestHost host)
    {
        var ids = (await host.NodesAsync()).Where(n => !n.Hybrid && n.Ec2State == "running").Take(Servers).Select(n => n.InstanceId).ToList();
        Assert.Equal(Servers, ids.Count);
        return ids;
    }
}

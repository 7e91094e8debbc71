using Amazon.EC2.Model;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Connectors.Aws.Snapshots;
using ChangeOrchestrator.Patching.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.RateLimits;

/// <summary>
/// A loop over many servers against the simulator: its calls overlap up to the configured bound, a simulator that
/// throttles at its own rate slows the operation's bucket, and each server is still snapshotted once. Counts come
/// from the simulator's records.
/// </summary>
public sealed class AwsConcurrentCallsTests
{
    private const int Servers = 30;

    [Fact]
    public async Task CreateSnapshotsAsync_ThirtyServers_CallsOverlapUpToTheConfiguredBound()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 150);
        var ids = await RunningInstanceIdsAsync(host);
        var snapshots = host.Connect(new Dictionary<string, string?> { ["Aws:MaxConcurrentCalls"] = "4" }).GetRequiredService<ISnapshotService>();

        // Each call takes a while at the service, so calls made one at a time could never overlap.
        await host.PostAsync("faults/latency", new { milliseconds = 40, service = "EC2", operation = "CreateSnapshots", count = Servers });
        await host.ResetCountersAsync();

        var sets = await snapshots.CreateSnapshotsAsync(Requests(ids, "chg-60"), CancellationToken.None);

        Assert.Equal(ids, sets.Select(s => s.InstanceId));
        var create = await host.CounterAsync("EC2.CreateSnapshots");
        Assert.Equal(Servers, create.Calls);
        Assert.InRange(create.MaxConcurrent, 2, 4);
    }

    [Fact]
    public async Task CreateSnapshotsAsync_SimulatorThrottlesAtItsRate_BucketSlowsDownAndEachServerIsSnapshottedOnce()
    {
        // 0.05 per simulated second is 100 per real second at the host's time scale of 2,000, with 4 in the bucket.
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 150, simulator: new Dictionary<string, string?>
        {
            ["Simulators:Aws:RateLimits:Enabled"] = "true",
            ["Simulators:Aws:RateLimits:Operations:EC2.CreateSnapshots:PerSecond"] = "0.05",
            ["Simulators:Aws:RateLimits:Operations:EC2.CreateSnapshots:Burst"] = "4",
        });
        var ids = await RunningInstanceIdsAsync(host);

        // The connector believes the account allows 20 times more, so the simulator has to throttle it.
        var connector = host.Connect(new Dictionary<string, string?>
        {
            ["Aws:RateLimits:EC2.CreateSnapshots:PerSecond"] = "2000",
            ["Aws:RateLimits:EC2.CreateSnapshots:Burst"] = "30",
            ["Aws:MaxConcurrentCalls"] = "8",
            ["Aws:MaxRetries"] = "10",
            ["Aws:RetryBaseDelay"] = "00:00:00.010",
        });
        await host.ResetCountersAsync();

        var sets = await connector.GetRequiredService<ISnapshotService>().CreateSnapshotsAsync(Requests(ids, "chg-61"), CancellationToken.None);

        var create = await host.CounterAsync("EC2.CreateSnapshots");
        Assert.True(create.Throttled > 0, "the simulator never throttled");
        Assert.Equal(Servers, create.Calls - create.Throttled);
        var bucket = connector.GetRequiredService<AwsRateLimiter>().For("EC2", "CreateSnapshots");
        Assert.Equal(create.Throttled, bucket.ThrottledAnswers);

        // Exactly the sets returned exist under the key: no server was snapshotted twice by a retry.
        var returned = sets.SelectMany(s => s.Snapshots).Select(s => s.SnapshotId).Order(StringComparer.Ordinal).ToList();
        var stored = await host.Ec2().DescribeSnapshotsAsync(new DescribeSnapshotsRequest
        {
            OwnerIds = ["self"],
            Filters = [new Filter("tag:" + SnapshotTags.IdempotencyKey, ["chg-61.snapshot"])],
        });
        Assert.Equal(returned, stored.Snapshots.Select(s => s.SnapshotId).Order(StringComparer.Ordinal));
        Assert.Equal(Servers, sets.Select(s => s.InstanceId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task CreateSnapshotsAsync_CancelledMidLoop_StartsNoFurtherSnapshot()
    {
        await using var host = await AwsConnectorTestHost.StartAsync(fleetSize: 150);
        var ids = await RunningInstanceIdsAsync(host);
        var snapshots = host.Connect(new Dictionary<string, string?> { ["Aws:MaxConcurrentCalls"] = "2" }).GetRequiredService<ISnapshotService>();
        await host.PostAsync("faults/latency", new { milliseconds = 150, service = "EC2", operation = "CreateSnapshots", count = Servers });
        await host.ResetCountersAsync();

        // As when the burst's lease is lost: its token is cancelled while calls are out.
        using var lease = new CancellationTokenSource();
        var loop = snapshots.CreateSnapshotsAsync(Requests(ids, "chg-62"), lease.Token);
        await AwsConnectorTestHost.WaitForAsync(() => host.CounterAsync("EC2.CreateSnapshots"), c => c.Calls >= 2);
        await lease.CancelAsync();

        // The loop returns only once the calls it had out are over, so what the simulator counted now is all it made.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        Assert.InRange((await host.CounterAsync("EC2.CreateSnapshots")).Calls, 2, 4);
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

using Amazon.EC2;
using Amazon.EC2.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ec2;

public sealed class SnapshotTests
{
    [Fact]
    public async Task CreateSnapshots_InstanceWithTags_SnapshotsEveryVolumeAndCompletesOverTime()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync()).First(n => !n.Hybrid);
        var ec2 = host.Ec2();

        var created = await ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest
        {
            InstanceSpecification = new InstanceSpecification { InstanceId = node.InstanceId },
            Description = "pre-patch " + node.InstanceId,
            CopyTagsFromSource = CopyTagsFromSource.Volume,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Snapshot, Tags = [new Tag("purpose", "pre-patch"), new Tag("change", "CHG0001")] }],
        });
        var ids = created.Snapshots.Select(s => s.SnapshotId).ToList();
        host.Advance(TimeSpan.FromSeconds(30));
        var midway = await DescribeAsync(ec2, ids);
        host.Advance(TimeSpan.FromHours(1));
        var done = await DescribeAsync(ec2, ids);

        Assert.Equal(node.VolumeIds.Order(), created.Snapshots.Select(s => s.VolumeId).Order());
        Assert.All(created.Snapshots, s =>
        {
            Assert.Equal(SnapshotState.Pending, s.State);
            Assert.Contains(s.Tags, t => t.Key == "purpose" && t.Value == "pre-patch");
            Assert.Contains(s.Tags, t => t.Key == "Name");
        });
        Assert.All(midway, s =>
        {
            Assert.Equal(SnapshotState.Pending, s.State);
            Assert.Matches("^[0-9]{1,2}%$", s.Progress);
        });
        Assert.All(done, s =>
        {
            Assert.Equal(SnapshotState.Completed, s.State);
            Assert.Equal("100%", s.Progress);
            Assert.NotNull(s.CompletionTime);
        });
    }

    [Fact]
    public async Task DescribeSnapshots_TagAndOwnerFilters_ReturnOnlyMatchingSnapshots()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var nodes = (await host.NodesAsync()).Where(n => !n.Hybrid).Take(2).ToList();
        var ec2 = host.Ec2();
        foreach (var (node, change) in nodes.Zip(["CHG1", "CHG2"]))
        {
            await ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest
            {
                InstanceSpecification = new InstanceSpecification { InstanceId = node.InstanceId, ExcludeBootVolume = true },
                TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Snapshot, Tags = [new Tag("change", change)] }],
            });
        }

        var chg2 = await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = ["self"], Filters = [new Filter("tag:change", ["CHG2"])] });
        var amazon = await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = ["amazon"] });

        Assert.Equal(nodes[1].VolumeIds.Count - 1, chg2.Snapshots.Count);
        Assert.All(chg2.Snapshots, s => Assert.Equal("123456789012", s.OwnerId));
        Assert.Null(amazon.Snapshots);
    }

    [Fact]
    public async Task CreateSnapshots_InjectedSnapshotError_EndsInErrorWithStatusMessage()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync()).First(n => !n.Hybrid);
        await host.PostAsync("faults/snapshot-error", new { instanceIds = new[] { node.InstanceId } });
        var ec2 = host.Ec2();

        var created = await ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = node.InstanceId } });
        host.Advance(TimeSpan.FromHours(1));
        var described = await DescribeAsync(ec2, [.. created.Snapshots.Select(s => s.SnapshotId)]);
        var errored = await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("status", ["error"])] });

        Assert.All(described, s =>
        {
            Assert.Equal(SnapshotState.Error, s.State);
            Assert.False(string.IsNullOrEmpty(s.StateMessage));
        });
        Assert.Equal(described.Count, errored.Snapshots.Count);
    }

    [Fact]
    public async Task CreateSnapshot_SingleVolume_ReturnsPendingSnapshotThatDeleteSnapshotRemoves()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var volume = (await host.NodesAsync()).First(n => !n.Hybrid).VolumeIds[1];
        var ec2 = host.Ec2();

        var snapshot = await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Description = "data before upgrade" });
        await ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.Snapshot.SnapshotId });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshot.Snapshot.SnapshotId] }));
        var unknownVolume = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-0123456789abcdef0" }));

        Assert.Equal(SnapshotState.Pending, snapshot.Snapshot.State);
        Assert.Equal(volume, snapshot.Snapshot.VolumeId);
        Assert.Equal("InvalidSnapshot.NotFound", gone.ErrorCode);
        Assert.Equal("InvalidVolume.NotFound", unknownVolume.ErrorCode);
    }

    [Fact]
    public async Task CreateSnapshot_TooManyPendingForOneVolume_ThrowsRateExceeded()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Simulators:Aws:MaxPendingSnapshotsPerVolume"] = "2" });
        var volume = (await host.NodesAsync()).First(n => !n.Hybrid).VolumeIds[0];
        var ec2 = host.Ec2();
        await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume });
        await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume });

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }));

        Assert.Equal("SnapshotCreationPerVolumeRateExceeded", error.ErrorCode);
    }

    [Fact]
    public async Task InjectedThrottle_OnCreateSnapshots_SdkRetriesRequestLimitExceeded()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync()).First(n => !n.Hybrid);
        await host.PostAsync("faults/throttle", new { service = "EC2", operation = "CreateSnapshots", count = 1 });

        var created = await host.Ec2().CreateSnapshotsAsync(new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = node.InstanceId } });
        var counter = await host.CounterAsync("EC2.CreateSnapshots");

        Assert.Equal(node.VolumeIds.Count, created.Snapshots.Count);
        Assert.Equal(2, counter.Calls);
        Assert.Equal(1, counter.Throttled);
    }

    [Fact]
    public async Task InjectedThrottle_BeyondRetries_SurfacesRequestLimitExceededWith503()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await host.PostAsync("faults/throttle", new { service = "EC2", count = 10 });

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => host.Ec2(maxErrorRetry: 1).DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = ["self"] }));

        Assert.Equal("RequestLimitExceeded", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    private static async Task<List<Snapshot>> DescribeAsync(IAmazonEC2 ec2, List<string> ids) =>
        (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = ids })).Snapshots;
}

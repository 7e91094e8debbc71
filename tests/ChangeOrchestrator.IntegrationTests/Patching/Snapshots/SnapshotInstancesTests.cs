using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Snapshots;

public sealed class SnapshotInstancesTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task SnapshotInstances_TwoServersAndAHybridNode_SnapshotsEveryVolumeTaggedWithTheChange()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var servers = await RunningServersAsync(harness, 2);
        var hybrid = (await harness.Aws.NodesAsync("&managed=true")).First(n => n.Hybrid).InstanceId;
        await harness.PublishAsync(Workflow([.. servers.Select(s => s.InstanceId), hybrid]));

        var started = await harness.StartAsync("snapshot");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var tagged = await harness.Aws.SnapshotsOfChangeAsync("CHG0030001");
        var snapshots = output["snapshots"]!.AsArray();
        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(servers.SelectMany(s => s.VolumeIds).Order(StringComparer.Ordinal), snapshots.Select(s => s!["volumeId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(snapshots, s => Assert.Equal("completed", s!["state"]!.GetValue<string>()));
        Assert.Equal(snapshots.Select(s => s!["snapshotId"]!.GetValue<string>()).Order(StringComparer.Ordinal), tagged.Select(s => s.SnapshotId).Order(StringComparer.Ordinal));
        Assert.All(tagged, s => Assert.Equal("completed", s.State.Value));
        foreach (var server in servers)
        {
            var root = snapshots.Single(s => s!["volumeId"]!.GetValue<string>() == server.VolumeIds[0])!;
            Assert.True(root["isRootVolume"]!.GetValue<bool>());
            Assert.Equal(root["snapshotId"]!.GetValue<string>(), output["rootSnapshots"]![server.InstanceId]!.GetValue<string>());
        }

        Assert.Equal([hybrid], output["skippedInstanceIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(output["failedSnapshots"]!.AsArray());
        Assert.Equal(2, await harness.Aws.CallsAsync("EC2.CreateSnapshots"));
    }

    [Fact]
    public async Task SnapshotInstances_NodeDiesBeforeTheCommit_RestartFindsTheSnapshotsAndTakesNoMore()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var servers = await RunningServersAsync(harness, 2);
        await harness.PublishAsync(Workflow([.. servers.Select(s => s.InstanceId)]));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("snapshot", instanceId: instanceId));
        await harness.RestartAsync();
        await harness.StartAsync("snapshot", instanceId: instanceId);
        var instance = await harness.RunWhileSuspendedAsync(instanceId, Step);

        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(2, await harness.Aws.CallsAsync("EC2.CreateSnapshots"));
        Assert.Equal(servers.Sum(s => s.VolumeIds.Count), (await harness.Aws.SnapshotsOfChangeAsync("CHG0030001")).Count);
        Assert.Equal(servers.Sum(s => s.VolumeIds.Count), (await harness.OutputAsync(instance.Id, "step"))["snapshotIds"]!.AsArray().Count);
    }

    [Fact]
    public async Task SnapshotInstances_SnapshotFails_ContinuesOnFailedWithTheFailingSnapshots()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var servers = await RunningServersAsync(harness, 2);
        await harness.Aws.PostAsync("faults/snapshot-error", new { instanceIds = new[] { servers[0].InstanceId } });
        await harness.PublishAsync(Workflow([.. servers.Select(s => s.InstanceId)]));

        var started = await harness.StartAsync("snapshot");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var failed = (await harness.OutputAsync(instance.Id, "step"))["failedSnapshots"]!.AsArray();
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Failed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.NotEmpty(failed);
        Assert.All(failed, s =>
        {
            Assert.Equal(servers[0].InstanceId, s!["instanceId"]!.GetValue<string>());
            Assert.Equal("error", s["state"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(s["message"]?.GetValue<string>()));
        });
    }

    private static async Task<List<AwsSimulator.NodeSummary>> RunningServersAsync(PatchingHarness harness, int count)
    {
        var servers = (await harness.Aws.NodesAsync("&managed=true")).Where(n => !n.Hybrid && n.Ec2State == "running" && n.VolumeIds.Count > 1).Take(count).ToList();
        Assert.Equal(count, servers.Count);
        return servers;
    }

    private static string Workflow(IReadOnlyList<string> ids) =>
        TestWorkflows.OneStep("snapshot", "SnapshotInstances", new { instanceIds = ids, changeNumber = "CHG0030001" });
}

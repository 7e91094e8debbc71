using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using InstanceStatus = ChangeOrchestrator.Engine.Instances.InstanceStatus;

namespace ChangeOrchestrator.IntegrationTests.Patching.Snapshots;

public sealed class RollbackInstancesTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task RollbackInstances_ServersWithRootSnapshots_ReplacesEachRootVolumeOnce()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var servers = await RunningServersAsync(harness, 2);
        var ids = servers.Select(s => s.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.PublishAsync(TestWorkflows.Chain("rollback", Snapshot(ids), Rollback(ids, TestWorkflows.Js("steps.snapshot.rootSnapshots"))));

        var started = await harness.StartAsync("rollback");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var rootSnapshots = (await harness.OutputAsync(instance.Id, "snapshot"))["rootSnapshots"]!;
        var output = await harness.OutputAsync(instance.Id, "rollback");
        var restores = output["restores"]!.AsArray();
        var after = (await harness.Aws.NodesAsync("&managed=true")).Where(n => ids.Contains(n.InstanceId)).ToList();
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "rollback"));
        Assert.Equal(ids, output["restoredIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(output["failedIds"]!.AsArray());
        Assert.Empty(output["notRestorableIds"]!.AsArray());
        Assert.All(restores, r =>
        {
            Assert.Equal("succeeded", r!["state"]!.GetValue<string>());
            Assert.StartsWith("replacevol-", r["taskId"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(rootSnapshots[r["instanceId"]!.GetValue<string>()]!.GetValue<string>(), r["snapshotId"]!.GetValue<string>());
        });
        foreach (var server in servers)
        {
            Assert.Single(await TasksAsync(harness, server.InstanceId));
            Assert.DoesNotContain(server.VolumeIds[0], after.Single(n => n.InstanceId == server.InstanceId).VolumeIds);
        }
    }

    [Fact]
    public async Task RollbackInstances_RestoreFailsOnOneServer_ContinuesOnFailedNamingIt()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var servers = await RunningServersAsync(harness, 2);
        var ids = servers.Select(s => s.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.Aws.PostAsync("faults/root-volume-failure", new { instanceIds = new[] { ids[0] } });
        await harness.PublishAsync(TestWorkflows.Chain("rollback", Snapshot(ids), Rollback(ids, TestWorkflows.Js("steps.snapshot.rootSnapshots"))));

        var started = await harness.StartAsync("rollback");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "rollback");
        var failed = output["restores"]!.AsArray().Single(r => r!["instanceId"]!.GetValue<string>() == ids[0])!;
        Assert.Equal("Failed", await harness.OutcomeAsync(instance.Id, "rollback"));
        Assert.Equal([ids[0]], output["failedIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([ids[1]], output["restoredIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal("failed", failed["state"]!.GetValue<string>());
        Assert.Contains("still attached", failed["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackInstances_ServerWithoutASnapshot_IsNotRestorableAndTheRollbackFails()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var server = (await RunningServersAsync(harness, 1))[0].InstanceId;
        var hybrid = (await harness.Aws.NodesAsync("&managed=true")).First(n => n.Hybrid).InstanceId;
        await harness.PublishAsync(TestWorkflows.Chain(
            "rollback", Snapshot([server]), Rollback([server, hybrid], TestWorkflows.Js("steps.snapshot.rootSnapshots"))));

        var started = await harness.StartAsync("rollback");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "rollback");
        Assert.Equal("Failed", await harness.OutcomeAsync(instance.Id, "rollback"));
        Assert.Equal([hybrid], output["notRestorableIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([server], output["restoredIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(output["failedIds"]!.AsArray());
    }

    [Fact]
    public async Task RollbackInstances_NodeDiesBeforeTheCommit_RestartFindsTheRestoresAndStartsNoMore()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var servers = await RunningServersAsync(harness, 2);
        var ids = servers.Select(s => s.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.PublishAsync(TestWorkflows.Chain("snapshot", Snapshot(ids)));
        var snapshot = await harness.RunWhileSuspendedAsync((await harness.StartAsync("snapshot")).Id, Step);
        var rootSnapshots = (await harness.OutputAsync(snapshot.Id, "snapshot"))["rootSnapshots"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        await harness.PublishAsync(TestWorkflows.Chain("rollback", Rollback(ids, rootSnapshots)));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("rollback", instanceId: instanceId));
        var tasksBefore = await TasksAsync(harness, ids[0]);
        await harness.RestartAsync();
        await harness.StartAsync("rollback", instanceId: instanceId);
        var instance = await harness.RunWhileSuspendedAsync(instanceId, Step);

        var output = await harness.OutputAsync(instance.Id, "rollback");
        Assert.Single(tasksBefore);
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "rollback"));
        foreach (var id in ids)
        {
            var task = Assert.Single(await TasksAsync(harness, id));
            Assert.Equal(task.ReplaceRootVolumeTaskId, output["restores"]!.AsArray().Single(r => r!["instanceId"]!.GetValue<string>() == id)!["taskId"]!.GetValue<string>());
        }
    }

    private static TestStep Snapshot(IReadOnlyList<string> ids) =>
        new("snapshot", "SnapshotInstances", new { instanceIds = ids, changeNumber = "CHG0030001" });

    private static TestStep Rollback(IReadOnlyList<string> ids, object rootSnapshots) =>
        new("rollback", "RollbackInstances", new { instanceIds = ids, rootSnapshots, changeNumber = "CHG0030001" });

    private static async Task<List<AwsSimulator.NodeSummary>> RunningServersAsync(PatchingHarness harness, int count)
    {
        var servers = (await harness.Aws.NodesAsync("&managed=true")).Where(n => !n.Hybrid && n.Ec2State == "running" && n.VolumeIds.Count > 0).Take(count).ToList();
        Assert.Equal(count, servers.Count);
        return servers;
    }

    /// <summary>The root-volume replacement tasks EC2 knows for the server.</summary>
    private static async Task<List<ReplaceRootVolumeTask>> TasksAsync(PatchingHarness harness, string instanceId)
    {
        using var ec2 = new AmazonEC2Client(
            new BasicAWSCredentials("test", "test"), new AmazonEC2Config { ServiceURL = harness.Aws.ServiceUrl, AuthenticationRegion = AwsSimulator.Region });
        var response = await ec2.DescribeReplaceRootVolumeTasksAsync(new DescribeReplaceRootVolumeTasksRequest { Filters = [new Filter("instance-id", [instanceId])] });
        return response.ReplaceRootVolumeTasks ?? [];
    }
}

using Amazon.EC2;
using Amazon.EC2.Model;
using ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ec2;

public sealed class ReplaceRootVolumeTests
{
    [Fact]
    public async Task CreateReplaceRootVolumeTask_FromPrePatchSnapshot_SucceedsAndRollsPatchesBack()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(fleetSize: 120);
        var ssm = host.Ssm();
        var ec2 = host.Ec2();
        var node = await PatchingTests.NodeWithMissingPatchesAsync(host, ssm, "Linux");
        var instance = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [node] })).Reservations[0].Instances[0];
        var rootVolume = instance.BlockDeviceMappings.Single(b => b.DeviceName == instance.RootDeviceName).Ebs.VolumeId;
        var snapshots = await ec2.CreateSnapshotsAsync(new CreateSnapshotsRequest { InstanceSpecification = new InstanceSpecification { InstanceId = node } });
        var rootSnapshot = snapshots.Snapshots.Single(s => s.VolumeId == rootVolume).SnapshotId;
        host.Advance(TimeSpan.FromHours(1));
        var install = await host.SendPatchAsync(ssm, "Install", [node]);
        await host.RunCommandToEndAsync(ssm, install, TimeSpan.FromSeconds(30));

        var task = (await ec2.CreateReplaceRootVolumeTaskAsync(new CreateReplaceRootVolumeTaskRequest
        {
            InstanceId = node,
            SnapshotId = rootSnapshot,
            DeleteReplacedRootVolume = true,
        })).ReplaceRootVolumeTask;
        var states = new List<string> { task.TaskState.Value };
        for (var i = 0; i < 10; i++)
        {
            host.Advance(TimeSpan.FromSeconds(40));
            states.Add((await ec2.DescribeReplaceRootVolumeTasksAsync(new DescribeReplaceRootVolumeTasksRequest { ReplaceRootVolumeTaskIds = [task.ReplaceRootVolumeTaskId] }))
                .ReplaceRootVolumeTasks.Single().TaskState.Value);
        }

        var finished = (await ec2.DescribeReplaceRootVolumeTasksAsync(new DescribeReplaceRootVolumeTasksRequest { Filters = [new Filter("instance-id", [node])] })).ReplaceRootVolumeTasks.Single();
        var after = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [node] })).Reservations[0].Instances[0];
        var scan = await host.SendPatchAsync(ssm, "Scan", [node]);
        await host.RunCommandToEndAsync(ssm, scan, TimeSpan.FromSeconds(30));
        host.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["pending", "in-progress", "succeeded"], states.Distinct());
        Assert.False(string.IsNullOrEmpty(finished.CompleteTime));
        Assert.NotEqual(rootVolume, after.BlockDeviceMappings.Single(b => b.DeviceName == after.RootDeviceName).Ebs.VolumeId);
        Assert.True((await PatchingTests.StateAsync(ssm, node)).MissingCount > 0);
    }

    [Fact]
    public async Task CreateReplaceRootVolumeTask_InjectedFailure_GoesFailingThenFailedAndKeepsTheRoot()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var node = (await host.NodesAsync()).First(n => !n.Hybrid);
        await host.PostAsync("faults/root-volume-failure", new { instanceIds = new[] { node.InstanceId } });
        var ec2 = host.Ec2();

        var task = (await ec2.CreateReplaceRootVolumeTaskAsync(new CreateReplaceRootVolumeTaskRequest { InstanceId = node.InstanceId })).ReplaceRootVolumeTask;
        var states = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            host.Advance(TimeSpan.FromSeconds(30));
            states.Add((await ec2.DescribeReplaceRootVolumeTasksAsync(new DescribeReplaceRootVolumeTasksRequest { ReplaceRootVolumeTaskIds = [task.ReplaceRootVolumeTaskId] }))
                .ReplaceRootVolumeTasks.Single().TaskState.Value);
        }

        var instance = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [node.InstanceId] })).Reservations[0].Instances[0];

        Assert.Contains("failing", states);
        Assert.Equal("failed", states[^1]);
        Assert.Contains(instance.BlockDeviceMappings, b => b.Ebs.VolumeId == node.VolumeIds[0]);
    }

    [Fact]
    public async Task CreateReplaceRootVolumeTask_WhileAnotherRunsOrUnknownSnapshot_ThrowsIncorrectStateOrNotFound()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        var nodes = (await host.NodesAsync()).Where(n => !n.Hybrid).Take(2).ToList();
        var node = nodes[0];
        var ec2 = host.Ec2();
        await ec2.CreateReplaceRootVolumeTaskAsync(new CreateReplaceRootVolumeTaskRequest { InstanceId = node.InstanceId });

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateReplaceRootVolumeTaskAsync(new CreateReplaceRootVolumeTaskRequest { InstanceId = node.InstanceId }));
        var foreign = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateReplaceRootVolumeTaskAsync(new CreateReplaceRootVolumeTaskRequest
        {
            InstanceId = nodes[1].InstanceId,
            SnapshotId = "snap-0123456789abcdef0",
        }));

        Assert.Equal("IncorrectState", error.ErrorCode);
        Assert.Equal("InvalidSnapshot.NotFound", foreign.ErrorCode);
    }
}

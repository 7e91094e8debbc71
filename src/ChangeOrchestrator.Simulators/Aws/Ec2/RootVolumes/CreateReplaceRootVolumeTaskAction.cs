using System.Xml.Linq;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.RootVolumes;

/// <summary>
/// CreateReplaceRootVolumeTask from a snapshot of the instance's root lineage, an AMI, a detached former root
/// volume, or (no source) the launch state. A ClientToken seen before returns the task it created.
/// </summary>
internal sealed class CreateReplaceRootVolumeTaskAction : IEc2Action
{
    public string Name => "CreateReplaceRootVolumeTask";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var node = Ec2Lookup.Instance(world, input.Required("InstanceId"));
        var now = world.Now;
        var clientToken = input.Value("ClientToken");
        if (clientToken is { Length: > 0 } && world.Ec2.RootVolumeTasks.Values.FirstOrDefault(t => t.ClientToken == clientToken) is { } earlier)
        {
            return [Ec2Xml.E("replaceRootVolumeTask", RootVolumeTaskXml.Fields(earlier, now))];
        }

        var snapshotId = input.Value("SnapshotId") is { Length: > 0 } s ? s : null;
        var imageId = input.Value("ImageId") is { Length: > 0 } i ? i : null;
        var volumeId = input.Value("VolumeId") is { Length: > 0 } v ? v : null;
        if (new[] { snapshotId, imageId, volumeId }.Count(x => x is not null) > 1)
        {
            throw new Ec2ServiceException("InvalidParameterCombination", "Specify at most one of SnapshotId, ImageId and VolumeId.");
        }

        if (node.Ec2!.State != "running")
        {
            throw new Ec2ServiceException("IncorrectInstanceState", $"The instance '{node.InstanceId}' is not in the 'running' state.");
        }

        if (world.Ec2.RootVolumeTasks.Values.Any(t => t.InstanceId == node.InstanceId && !t.IsFinished(now)))
        {
            throw new Ec2ServiceException("IncorrectState", $"A root volume replacement task is already in progress for instance '{node.InstanceId}'.");
        }

        var root = node.Ec2.RootVolume
            ?? throw new Ec2ServiceException("IncorrectInstanceState", $"The instance '{node.InstanceId}' has no root volume attached.");
        var (restored, size) = ResolveSource(world, node, root, snapshotId, imageId, volumeId, now);
        var tags = input.TagsFor("replace-root-volume-task", "replace-root-volume-task");
        input.ThrowIfDryRun();

        var duration = world.Durations.ReplaceRootVolume;
        var task = new ReplaceRootVolumeTask
        {
            TaskId = world.Ids.Hex17("replacevol-"),
            InstanceId = node.InstanceId,
            SnapshotId = snapshotId,
            ImageId = imageId,
            DeleteReplacedRootVolume = input.Bool("DeleteReplacedRootVolume") ?? false,
            StartTime = now,
            InProgressAt = world.After(now, duration / 4),
            CompleteAt = world.After(now, duration),
            Fails = world.Faults.RootVolumeFailures.Contains(node.InstanceId),
            ClientToken = clientToken,
        };
        foreach (var tag in tags)
        {
            task.Tags[tag.Key] = tag.Value;
        }

        world.Ec2.RootVolumeTasks.Add(task.TaskId, task);
        node.Agent.BeginOutage(task.InProgressAt, task.CompleteAt);
        if (!task.Fails)
        {
            world.Timeline.Schedule(task.CompleteAt, _ => RootVolumeReplacement.Complete(world, node, task, restored, size));
        }

        return [Ec2Xml.E("replaceRootVolumeTask", RootVolumeTaskXml.Fields(task, now))];
    }

    private static (NodePatchState Restored, int SizeGiB) ResolveSource(
        AwsWorld world, FleetNode node, EbsVolume root, string? snapshotId, string? imageId, string? volumeId, DateTimeOffset now)
    {
        if (snapshotId is not null)
        {
            var snapshot = world.Ec2.FindSnapshot(snapshotId);
            if (snapshot.RootLineage.Length == 0 || snapshot.RootLineage != root.RootLineage)
            {
                throw new Ec2ServiceException("InvalidParameterValue",
                    $"The snapshot '{snapshotId}' was not created from the root volume lineage of instance '{node.InstanceId}'.");
            }

            if (snapshot.State(now) != "completed")
            {
                throw new Ec2ServiceException("IncorrectState", $"The snapshot '{snapshotId}' is not in the 'completed' state.");
            }

            return (snapshot.CapturedPatches ?? node.Patches, snapshot.VolumeSizeGiB);
        }

        if (imageId is not null)
        {
            var image = world.Ec2.FindImage(imageId);
            if (image.State(now) != "available")
            {
                throw new Ec2ServiceException("IncorrectState", $"The image '{imageId}' is not in the 'available' state.");
            }

            var rootSnapshot = image.RootSnapshotId is { } id ? world.Ec2.Snapshots.GetValueOrDefault(id) : null;
            var size = image.BlockDevices.FirstOrDefault(d => d.DeviceName == image.RootDeviceName)?.SizeGiB ?? root.SizeGiB;
            return (rootSnapshot?.CapturedPatches ?? NodePatchStateFactory.Create(node), size);
        }

        if (volumeId is not null)
        {
            if (!world.Fleet.TryFindVolume(volumeId, out var owner, out var volume) || owner != node || volume.DetachedPatches is null
                || volume.RootLineage != root.RootLineage)
            {
                throw new Ec2ServiceException("InvalidVolume.NotFound", $"The volume '{volumeId}' is not a detached former root volume of instance '{node.InstanceId}'.");
            }

            return (volume.DetachedPatches, volume.SizeGiB);
        }

        return (NodePatchStateFactory.Create(node), root.SizeGiB);
    }
}

using System.Xml.Linq;
using ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Images;

/// <summary>
/// CreateImage: one snapshot per volume; without NoReboot the instance is rebooted first, which blips its agent
/// and completes any installation waiting for a reboot. Block device mapping overrides are not simulated.
/// </summary>
internal sealed class CreateImageAction : IEc2Action
{
    public string Name => "CreateImage";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var node = Ec2Lookup.Instance(world, input.Required("InstanceId"));
        var name = input.Required("Name");
        if (name.Length is < 3 or > 128)
        {
            throw new Ec2ServiceException("InvalidParameterValue", "AMI names must be between 3 and 128 characters long.");
        }

        var now = world.Now;
        if (world.Ec2.Images.Values.FirstOrDefault(i => i.Name == name && i.OwnerId == world.Options.AccountId && i.State(now) != "failed") is { } existing)
        {
            throw new Ec2ServiceException("InvalidAMIName.Duplicate", $"AMI name {name} is already in use by AMI {existing.ImageId}");
        }

        if (node.Ec2!.State is not ("running" or "stopped"))
        {
            throw new Ec2ServiceException("IncorrectInstanceState", $"The instance '{node.InstanceId}' is not in the 'running' or 'stopped' state.");
        }

        var imageTags = input.TagsFor("image", "image", "snapshot");
        var snapshotTags = input.TagsFor("snapshot", "image", "snapshot");
        input.ThrowIfDryRun();

        var imageId = world.Ids.Hex17("ami-");
        var snapshots = new List<(string Device, EbsSnapshot Snapshot, bool Root)>();
        foreach (var volume in node.Ec2.Volumes)
        {
            var snapshot = world.Ec2.CreateSnapshot(node, volume, $"Created by CreateImage({node.InstanceId}) for {imageId}", now);
            foreach (var tag in snapshotTags)
            {
                snapshot.Tags[tag.Key] = tag.Value;
            }

            snapshots.Add((volume.DeviceName, snapshot, volume.IsRoot));
        }

        var registered = snapshots.Max(s => s.Snapshot.CompleteAt);
        var snapshotFailure = snapshots.Select(s => s.Snapshot.FailAt).Where(f => f is not null).Min();
        var image = new MachineImage
        {
            ImageId = imageId,
            Name = name,
            OwnerId = world.Options.AccountId,
            Description = input.Value("Description") ?? "",
            RootDeviceName = node.Ec2.RootDeviceName,
            PlatformDetails = node.Os.Ec2PlatformDetails,
            IsWindows = node.Os.IsWindows,
            IsPublic = false,
            CreationDate = now,
            AvailableAt = world.After(registered, world.Durations.ImageRegistration),
            FailAt = world.Faults.ImageFailures.Contains(node.InstanceId) ? registered : snapshotFailure,
            BlockDevices = [.. snapshots.Select(s => new ImageBlockDevice(s.Device, s.Snapshot.SnapshotId, s.Snapshot.VolumeSizeGiB, s.Root, s.Snapshot.Encrypted))],
            InstanceId = node.InstanceId,
        };
        foreach (var tag in imageTags)
        {
            image.Tags[tag.Key] = tag.Value;
        }

        world.Ec2.Images.Add(imageId, image);
        if (!(input.Bool("NoReboot") ?? false) && node.Ec2.State == "running")
        {
            var rebootEnd = world.After(now, world.Durations.Reboot);
            node.Agent.BeginOutage(now, rebootEnd);
            world.Timeline.Schedule(rebootEnd, _ => node.Patches.CompleteReboot());
        }

        return [Ec2Xml.E("imageId", imageId)];
    }
}

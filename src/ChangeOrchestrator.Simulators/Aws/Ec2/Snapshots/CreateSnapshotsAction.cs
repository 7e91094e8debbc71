using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;

/// <summary>CreateSnapshots: crash-consistent snapshots of every EBS volume of an instance, less exclusions.</summary>
internal sealed class CreateSnapshotsAction : IEc2Action
{
    public string Name => "CreateSnapshots";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var node = Ec2Lookup.Instance(world, input.Required("InstanceSpecification.InstanceId"));
        if (node.Ec2!.State == "terminated")
        {
            throw new Ec2ServiceException("IncorrectInstanceState", $"The instance '{node.InstanceId}' is not in a state from which it can be snapshotted.");
        }

        var excludeBoot = input.Bool("InstanceSpecification.ExcludeBootVolume") ?? false;
        var excluded = input.List("InstanceSpecification.ExcludeDataVolumeId");
        if (excluded.FirstOrDefault(id => !node.Ec2.Volumes.Exists(v => v.VolumeId == id && !v.IsRoot)) is { } foreign)
        {
            throw new Ec2ServiceException("InvalidParameterValue", $"Volume {foreign} is not a data volume attached to instance {node.InstanceId}.");
        }

        var copyFromSource = input.Value("CopyTagsFromSource");
        if (copyFromSource is { Length: > 0 } and not "volume")
        {
            throw new Ec2ServiceException("InvalidParameterValue", $"Value ({copyFromSource}) for parameter CopyTagsFromSource is invalid.");
        }

        var tags = input.TagsFor("snapshot", "snapshot");
        var volumes = node.Ec2.Volumes.Where(v => !(v.IsRoot && excludeBoot) && !excluded.Contains(v.VolumeId)).ToList();
        input.ThrowIfDryRun();

        var now = world.Now;
        var description = input.Value("Description") ?? "";
        var snapshots = new List<EbsSnapshot>();
        foreach (var volume in volumes)
        {
            var snapshot = world.Ec2.CreateSnapshot(node, volume, description, now);
            if (copyFromSource == "volume")
            {
                foreach (var (key, value) in volume.Tags)
                {
                    snapshot.Tags[key] = value;
                }
            }

            foreach (var tag in tags)
            {
                snapshot.Tags[tag.Key] = tag.Value;
            }

            snapshots.Add(snapshot);
        }

        return [Ec2Xml.Items("snapshotSet", snapshots.Select(s => Ec2Xml.Item(SnapshotXml.Fields(s, now, "state", justCreated: true))))];
    }
}

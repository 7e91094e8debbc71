using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;

internal sealed class CreateSnapshotAction : IEc2Action
{
    public string Name => "CreateSnapshot";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var volumeId = input.Required("VolumeId");
        if (!Ec2IdFormat.IsValid(volumeId, "vol"))
        {
            throw new Ec2ServiceException("InvalidVolumeID.Malformed", $"Invalid id: \"{volumeId}\"");
        }

        if (!world.Fleet.TryFindVolume(volumeId, out var node, out var volume))
        {
            throw new Ec2ServiceException("InvalidVolume.NotFound", $"The volume '{volumeId}' does not exist.");
        }

        var tags = input.TagsFor("snapshot", "snapshot");
        input.ThrowIfDryRun();
        var now = world.Now;
        var snapshot = world.Ec2.CreateSnapshot(node, volume, input.Value("Description") ?? "", now);
        foreach (var tag in tags)
        {
            snapshot.Tags[tag.Key] = tag.Value;
        }

        return SnapshotXml.Fields(snapshot, now, "status", justCreated: true);
    }
}

using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;

internal sealed class DeleteSnapshotAction : IEc2Action
{
    public string Name => "DeleteSnapshot";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var snapshot = world.Ec2.FindSnapshot(input.Required("SnapshotId"));
        var now = world.Now;
        if (world.Ec2.Images.Values.FirstOrDefault(i => i.State(now) is "available" or "pending" && i.UsesSnapshot(snapshot.SnapshotId)) is { } image)
        {
            throw new Ec2ServiceException("InvalidSnapshot.InUse", $"The snapshot {snapshot.SnapshotId} is currently in use by {image.ImageId}");
        }

        input.ThrowIfDryRun();
        world.Ec2.Snapshots.Remove(snapshot.SnapshotId);
        return [Ec2Xml.E("return", "true")];
    }
}

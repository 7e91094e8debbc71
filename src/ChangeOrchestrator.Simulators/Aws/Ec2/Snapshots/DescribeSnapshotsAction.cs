using System.Globalization;
using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Snapshots;

/// <summary>DescribeSnapshots over the account's own snapshots (public snapshots of other owners are not simulated).</summary>
internal sealed class DescribeSnapshotsAction : IEc2Action
{
    public string Name => "DescribeSnapshots";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var ids = Ec2Paging.Ids(input, "SnapshotId", "snapshotSet");

        var account = world.Options.AccountId;
        var owners = input.List("Owner");
        var snapshots = ids.Count > 0
            ? ids.Distinct(StringComparer.Ordinal).Select(world.Ec2.FindSnapshot).ToList()
            : [.. world.Ec2.Snapshots.Values];
        if (owners.Count > 0)
        {
            snapshots = snapshots.FindAll(s => owners.Contains("self") || owners.Contains(account));
        }

        var now = world.Now;
        var filtered = Ec2Filter.Apply(snapshots, input.Filters(), (s, name) => name switch
        {
            "snapshot-id" => [s.SnapshotId],
            "volume-id" => [s.VolumeId],
            "status" => [s.State(now)],
            "owner-id" => [s.OwnerId],
            "description" => [s.Description],
            "progress" => [s.Progress(now)],
            "volume-size" => [s.VolumeSizeGiB.ToString(CultureInfo.InvariantCulture)],
            "encrypted" => [Ec2Xml.Bool(s.Encrypted)],
            "start-time" => [Ec2Xml.Timestamp(s.StartTime)],
            "storage-tier" => ["standard"],
            _ => Ec2Filter.TagAttribute(s.Tags, name),
        });
        var page = Ec2Paging.Page(input, world, filtered, 5, 1000);
        input.ThrowIfDryRun();
        return
        [
            Ec2Xml.Items("snapshotSet", page.Items.Select(s => Ec2Xml.Item(SnapshotXml.Fields(s, now, "status", justCreated: false)))),
            .. Ec2Paging.NextToken(page.NextToken),
        ];
    }
}

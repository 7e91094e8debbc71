using System.Globalization;
using System.Xml.Linq;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using static ChangeOrchestrator.Simulators.Aws.Ec2.Ec2Xml;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Volumes;

/// <summary>
/// DescribeVolumes over the account's EBS volumes: attached ones are <c>in-use</c> with their attachment, one kept
/// after its instance's root was replaced is <c>available</c>. Ids or filters (<c>attachment.instance-id</c>,
/// <c>size</c>, tags, …) select; MaxResults 5–500 pages, in volume id order.
/// </summary>
internal sealed class DescribeVolumesAction : IEc2Action
{
    public string Name => "DescribeVolumes";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var ids = Ec2Paging.Ids(input, "VolumeId", "volumeSet");

        var filters = input.Filters();
        var volumes = ids.Count > 0 ? Lookup(world, ids) : [.. Candidates(world, filters).OrderBy(v => v.Volume.VolumeId, StringComparer.Ordinal)];
        var filtered = Ec2Filter.Apply(volumes, filters, Attribute);
        var page = Ec2Paging.Page(input, world, filtered, 5, 500);
        input.ThrowIfDryRun();
        return
        [
            Items("volumeSet", page.Items.Select(v => Item(Fields(v)))),
            .. Ec2Paging.NextToken(page.NextToken),
        ];
    }

    /// <summary>
    /// The volumes the filters can match: a call for the volumes of 200 named instances, in a fleet of 100,000 servers
    /// with twice as many volumes, starts from those instances rather than every volume. The filters still decide.
    /// </summary>
    private static IEnumerable<DescribedVolume> Candidates(AwsWorld world, IReadOnlyList<Ec2Filter> filters)
    {
        var byInstance = filters.FirstOrDefault(f => f.Name == "attachment.instance-id" && !f.HasPatterns);
        return byInstance is null
            ? world.Fleet.Volumes.Select(Describe)
            : world.Fleet.FindInOrder(byInstance.Values).SelectMany(node => (node.Ec2?.Volumes ?? []).Select(volume => new DescribedVolume(node, volume, Attached: true)));
    }

    private static List<DescribedVolume> Lookup(AwsWorld world, IReadOnlyList<string> ids)
    {
        if (ids.FirstOrDefault(id => !Ec2IdFormat.IsValid(id, "vol")) is { } malformed)
        {
            throw new Ec2ServiceException("InvalidVolumeID.Malformed", $"Invalid id: \"{malformed}\"");
        }

        var found = new List<DescribedVolume>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (!world.Fleet.TryFindVolume(id, out var node, out var volume))
            {
                throw new Ec2ServiceException("InvalidVolume.NotFound", $"The volume '{id}' does not exist.");
            }

            found.Add(Describe((node, volume)));
        }

        return found;
    }

    /// <summary>A volume with the instance it is attached to now, if any: one detached after a root replacement has none.</summary>
    private static DescribedVolume Describe((FleetNode Node, EbsVolume Volume) entry) =>
        new(entry.Node, entry.Volume, entry.Node.Ec2?.Volumes.Contains(entry.Volume) == true);

    private static IEnumerable<string>? Attribute(DescribedVolume v, string name) => name switch
    {
        "volume-id" => [v.Volume.VolumeId],
        "size" => [v.Volume.SizeGiB.ToString(CultureInfo.InvariantCulture)],
        "status" => [v.Attached ? "in-use" : "available"],
        "availability-zone" => [v.Node.Ec2?.AvailabilityZone ?? ""],
        "encrypted" => [Bool(v.Volume.Encrypted)],
        "volume-type" => ["gp3"],
        "create-time" => [Timestamp(v.Volume.AttachTime)],
        "attachment.instance-id" => v.Attached ? [v.Node.InstanceId] : [],
        "attachment.device" => v.Attached ? [v.Volume.DeviceName] : [],
        "attachment.status" => v.Attached ? ["attached"] : [],
        "attachment.delete-on-termination" => v.Attached ? [Bool(v.Volume.DeleteOnTermination)] : [],
        "attachment.attach-time" => v.Attached ? [Timestamp(v.Volume.AttachTime)] : [],
        _ => Ec2Filter.TagAttribute(v.Volume.Tags, name),
    };

    private static IEnumerable<XElement> Fields(DescribedVolume v)
    {
        yield return E("volumeId", v.Volume.VolumeId);
        yield return E("size", Int(v.Volume.SizeGiB));
        yield return E("snapshotId", "");
        yield return E("availabilityZone", v.Node.Ec2?.AvailabilityZone ?? "");
        yield return E("status", v.Attached ? "in-use" : "available");
        yield return E("createTime", Timestamp(v.Volume.AttachTime));
        yield return Items("attachmentSet", v.Attached
            ?
            [
                Item(
                    E("volumeId", v.Volume.VolumeId),
                    E("instanceId", v.Node.InstanceId),
                    E("device", v.Volume.DeviceName),
                    E("status", "attached"),
                    E("attachTime", Timestamp(v.Volume.AttachTime)),
                    E("deleteOnTermination", Bool(v.Volume.DeleteOnTermination))),
            ]
            : []);
        yield return E("volumeType", "gp3");
        yield return E("iops", "3000");
        yield return E("throughput", "125");
        yield return E("encrypted", Bool(v.Volume.Encrypted));
        yield return E("multiAttachEnabled", "false");
        if (v.Volume.Tags.Count > 0)
        {
            yield return TagSet(v.Volume.Tags);
        }
    }

    private sealed record DescribedVolume(FleetNode Node, EbsVolume Volume, bool Attached);
}

using System.Globalization;
using System.Xml.Linq;
using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Instances;

/// <summary>DescribeInstances: one reservation per instance; on-premises nodes have no EC2 side and never appear.</summary>
internal sealed class DescribeInstancesAction : IEc2Action
{
    public string Name => "DescribeInstances";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var ids = Ec2Paging.Ids(input, "InstanceId", "instancesSet");

        var instances = ids.Count > 0 ? Ec2Lookup.Instances(world, ids) : world.Fleet.Nodes;
        var filters = input.Filters();
        var page = Ec2Paging.Scan(input, world, instances, n => n.Ec2 is not null && Ec2Filter.MatchesAll(n, filters, Attribute), 5, 1000);
        input.ThrowIfDryRun();
        return
        [
            Ec2Xml.Items("reservationSet", page.Items.Select(n => InstanceXml.Reservation(n, world.Options.AccountId))),
            .. Ec2Paging.NextToken(page.NextToken),
        ];
    }

    private static IEnumerable<string>? Attribute(FleetNode node, string name)
    {
        var ec2 = node.Ec2!;
        return name switch
        {
            "instance-id" => [node.InstanceId],
            "instance-state-name" => [ec2.State],
            "instance-state-code" => [ec2.StateCode.ToString(CultureInfo.InvariantCulture)],
            "instance-type" => [ec2.InstanceType],
            "platform" => node.Os.IsWindows ? ["windows"] : [],
            "platform-details" => [node.Os.Ec2PlatformDetails],
            "block-device-mapping.volume-id" => ec2.Volumes.Select(v => v.VolumeId),
            "block-device-mapping.device-name" => ec2.Volumes.Select(v => v.DeviceName),
            "vpc-id" => [ec2.VpcId],
            "subnet-id" => [ec2.SubnetId],
            "availability-zone" => [ec2.AvailabilityZone],
            "private-ip-address" => [node.IpAddress],
            "private-dns-name" => [ec2.PrivateDnsName],
            "image-id" => [node.Os.ImageId],
            "reservation-id" => [ec2.ReservationId],
            "root-device-name" => [ec2.RootDeviceName],
            "architecture" => ["x86_64"],
            _ => Ec2Filter.TagAttribute(node.Tags, name),
        };
    }
}

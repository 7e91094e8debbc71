namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>The EC2 side of a fleet node; on-premises nodes have none.</summary>
internal sealed class Ec2InstanceDetails
{
    public required string ReservationId { get; init; }

    public required string InstanceType { get; init; }

    public required string AvailabilityZone { get; init; }

    public required string SubnetId { get; init; }

    public required string VpcId { get; init; }

    public required string PrivateDnsName { get; init; }

    public required string SecurityGroupId { get; init; }

    public required string SecurityGroupName { get; init; }

    public required DateTimeOffset LaunchTime { get; init; }

    public required string RootDeviceName { get; init; }

    /// <summary>running, stopped or terminated (the latter two only when set through the control API).</summary>
    public string State { get; set; } = "running";

    public List<EbsVolume> Volumes { get; } = [];

    public EbsVolume? RootVolume => Volumes.Find(v => v.DeviceName == RootDeviceName);

    public int StateCode => State switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        _ => 80,
    };
}

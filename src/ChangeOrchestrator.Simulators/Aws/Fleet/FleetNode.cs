using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>
/// One server: an EC2 instance (<c>i-</c>), an on-premises managed node (<c>mi-</c>), or an EC2 instance whose
/// agent never registered. Tags are EC2 tags for instances and SSM tags for on-premises nodes.
/// </summary>
internal sealed class FleetNode
{
    private NodePatchState? _patches;

    public required string InstanceId { get; init; }

    public required OperatingSystemProfile Os { get; init; }

    public required PatchCatalog Catalog { get; init; }

    public required string Name { get; init; }

    public required string Environment { get; init; }

    public required string Application { get; init; }

    public required string ComputerName { get; init; }

    public required string IpAddress { get; init; }

    public required string AgentVersion { get; init; }

    /// <summary>Registered with SSM: only these appear in DescribeInstanceInformation and accept commands.</summary>
    public required bool IsManaged { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required int PatchSeed { get; init; }

    /// <summary>Updates released before this were installed when the fleet was generated.</summary>
    public required DateTimeOffset LastPatchedAt { get; init; }

    /// <summary>When the node last reported patch compliance before the simulation began; null: never scanned.</summary>
    public required DateTimeOffset? InitialScanAt { get; init; }

    public Ec2InstanceDetails? Ec2 { get; init; }

    public HybridRegistration? Hybrid { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public AgentState Agent { get; } = new();

    public NodePatchState Patches => _patches ??= NodePatchStateFactory.Create(this);

    public PatchComplianceReport? Report { get; set; }

    /// <summary>Whether <see cref="Report"/> has been initialised from <see cref="InitialScanAt"/>.</summary>
    public bool ReportInitialized { get; set; }

    public bool IsHybrid => Hybrid is not null;

    public bool IsTerminated => Ec2?.State == "terminated";

    /// <summary>Patch group from the <c>Patch Group</c> tag, or <c>PatchGroup</c> where tags come from instance metadata.</summary>
    public string? PatchGroup =>
        Tags.TryGetValue("Patch Group", out var group) || Tags.TryGetValue("PatchGroup", out group) ? group : null;

    public bool IsOnline(DateTimeOffset now) => Agent.IsOnline(now) && (Ec2 is null || Ec2.State == "running");

    public string PingStatus(DateTimeOffset now) => IsOnline(now) ? "Online" : "ConnectionLost";

    public void ReplacePatches(NodePatchState state) => _patches = state;
}

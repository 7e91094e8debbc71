namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>A server a change may patch: an EC2 instance or an on-premises (hybrid) node.</summary>
public sealed record ManagedInstance
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required InstancePlatform Platform { get; init; }

    /// <summary>Operating system as the agent reports it, e.g. "Microsoft Windows Server 2022 Datacenter".</summary>
    public string? PlatformName { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    /// <summary>An on-premises or other-cloud node (<c>mi-</c>): no EBS volumes, so no snapshots or root-volume restore.</summary>
    public required bool IsHybrid { get; init; }

    public required AgentPingStatus PingStatus { get; init; }

    /// <summary>EC2 state (running, stopped, ...); null for hybrid nodes.</summary>
    public string? InstanceState { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

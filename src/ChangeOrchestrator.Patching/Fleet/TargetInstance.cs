using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>A selected server as workflows see it.</summary>
public sealed record TargetInstance
{
    [Description("EC2 (i-) or on-premises (mi-) id.")]
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    [Description("windows, linux, macOS or unknown.")]
    public required InstancePlatform Platform { get; init; }

    [Description("Operating system as the agent reports it.")]
    public string? PlatformName { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    [Description("An on-premises node: no volumes to snapshot.")]
    public required bool IsHybrid { get; init; }

    [Description("The agent: online, connectionLost, inactive or notRegistered.")]
    public required AgentPingStatus PingStatus { get; init; }

    public static TargetInstance From(ManagedInstance instance) => new()
    {
        InstanceId = instance.InstanceId,
        Name = instance.Name,
        Platform = instance.Platform,
        PlatformName = instance.PlatformName,
        PatchGroup = instance.PatchGroup,
        Environment = instance.Environment,
        IsHybrid = instance.IsHybrid,
        PingStatus = instance.PingStatus,
    };
}

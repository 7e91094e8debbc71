using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// What the fleet reads of a node's SSM registration. A page's <see cref="InstanceInformation"/> is let go as it is
/// read: tens of thousands of them, with every association and address field, would be held through a whole
/// selection otherwise.
/// </summary>
internal sealed record RegisteredNode
{
    public required string InstanceId { get; init; }

    /// <summary>The name given at activation (hybrid nodes).</summary>
    public string? Name { get; init; }

    public string? ComputerName { get; init; }

    public PlatformType? PlatformType { get; init; }

    public string? PlatformName { get; init; }

    public PingStatus? PingStatus { get; init; }

    public DateTime? LastPingDateTime { get; init; }

    public string? AgentVersion { get; init; }

    public bool? IsLatestVersion { get; init; }

    public static RegisteredNode From(InstanceInformation node) => new()
    {
        InstanceId = node.InstanceId,
        Name = node.Name,
        ComputerName = node.ComputerName,
        PlatformType = node.PlatformType,
        PlatformName = node.PlatformName,
        PingStatus = node.PingStatus,
        LastPingDateTime = node.LastPingDateTime,
        AgentVersion = node.AgentVersion,
        IsLatestVersion = node.IsLatestVersion,
    };
}

using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>The management agent of one server, as a check found it.</summary>
public sealed record AgentState
{
    public required string InstanceId { get; init; }

    [Description("online, connectionLost, inactive or notRegistered.")]
    public required AgentPingStatus PingStatus { get; init; }

    public DateTimeOffset? LastPingAt { get; init; }

    public string? AgentVersion { get; init; }

    public static AgentState From(AgentStatus status) => new()
    {
        InstanceId = status.InstanceId,
        PingStatus = status.PingStatus,
        LastPingAt = status.LastPingAt,
        AgentVersion = status.AgentVersion,
    };
}

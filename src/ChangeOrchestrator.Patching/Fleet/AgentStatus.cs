namespace ChangeOrchestrator.Patching.Fleet;

public sealed record AgentStatus
{
    public required string InstanceId { get; init; }

    public required AgentPingStatus PingStatus { get; init; }

    public DateTimeOffset? LastPingAt { get; init; }

    public string? AgentVersion { get; init; }

    public bool? IsLatestVersion { get; init; }

    public InstancePlatform Platform { get; init; }
}

using Amazon.EC2;
using Amazon.SimpleSystemsManagement;
using ChangeOrchestrator.Patching.Fleet;
using Instance = Amazon.EC2.Model.Instance;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>From SSM's and EC2's view of a server to the domain's.</summary>
internal static class FleetMapping
{
    /// <summary>An EC2 instance's tags by key (a tag without a value has the empty one).</summary>
    public static Dictionary<string, string> TagsOf(Instance instance) =>
        (instance.Tags ?? []).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal);

    public static ManagedInstance FromEc2(Instance instance, RegisteredNode? registration)
    {
        var tags = TagsOf(instance);
        return new ManagedInstance
        {
            InstanceId = instance.InstanceId,
            Name = tags.GetValueOrDefault(FleetTags.Name) ?? registration?.ComputerName ?? instance.InstanceId,
            Platform = registration is not null ? Platform(registration.PlatformType)
                : instance.Platform == PlatformValues.Windows ? InstancePlatform.Windows
                : InstancePlatform.Linux,
            PlatformName = registration?.PlatformName ?? instance.PlatformDetails,
            PatchGroup = FleetTags.PatchGroupOf(tags),
            Environment = tags.GetValueOrDefault(FleetTags.Environment),
            IsHybrid = false,
            PingStatus = registration is null ? AgentPingStatus.NotRegistered : Ping(registration.PingStatus),
            InstanceState = instance.State?.Name?.Value,
            Tags = tags,
        };
    }

    public static ManagedInstance FromHybrid(RegisteredNode registration, IReadOnlyDictionary<string, string> tags) => new()
    {
        InstanceId = registration.InstanceId,
        Name = tags.GetValueOrDefault(FleetTags.Name) ?? registration.Name ?? registration.ComputerName ?? registration.InstanceId,
        Platform = Platform(registration.PlatformType),
        PlatformName = registration.PlatformName,
        PatchGroup = FleetTags.PatchGroupOf(tags),
        Environment = tags.GetValueOrDefault(FleetTags.Environment),
        IsHybrid = true,
        PingStatus = Ping(registration.PingStatus),
        Tags = tags,
    };

    public static AgentStatus Agent(string instanceId, RegisteredNode? registration) => registration is null
        ? new AgentStatus { InstanceId = instanceId, PingStatus = AgentPingStatus.NotRegistered }
        : new AgentStatus
        {
            InstanceId = instanceId,
            PingStatus = Ping(registration.PingStatus),
            LastPingAt = Utc(registration.LastPingDateTime),
            AgentVersion = registration.AgentVersion,
            IsLatestVersion = registration.IsLatestVersion,
            Platform = Platform(registration.PlatformType),
        };

    public static bool IsHybrid(string instanceId) => instanceId.StartsWith("mi-", StringComparison.Ordinal);

    /// <summary>The SDK parses epoch timestamps as UTC; a local or unspecified kind is read as what it says, never shifted twice.</summary>
    public static DateTimeOffset? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static AgentPingStatus Ping(PingStatus? status) =>
        status == PingStatus.Online ? AgentPingStatus.Online
        : status == PingStatus.Inactive ? AgentPingStatus.Inactive
        : AgentPingStatus.ConnectionLost;

    private static InstancePlatform Platform(PlatformType? platform) =>
        platform == PlatformType.Windows ? InstancePlatform.Windows
        : platform == PlatformType.Linux ? InstancePlatform.Linux
        : platform == PlatformType.MacOS ? InstancePlatform.MacOS
        : InstancePlatform.Unknown;
}

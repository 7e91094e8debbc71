using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Instances;

/// <summary>A DescribeInstanceInformation filter, from <c>Filters</c> or the deprecated <c>InstanceInformationFilterList</c>.</summary>
internal sealed record InstanceInformationFilter(string Key, IReadOnlyList<string> Values)
{
    private static readonly Dictionary<string, string[]?> Keys = new(StringComparer.Ordinal)
    {
        ["InstanceIds"] = null,
        ["AgentVersion"] = null,
        ["PingStatus"] = ["Online", "ConnectionLost", "Inactive"],
        ["PlatformTypes"] = ["Windows", "Linux", "MacOS"],
        ["ResourceType"] = ["EC2Instance", "ManagedInstance"],
        ["ActivationIds"] = null,
        ["IamRole"] = null,
        ["AssociationStatus"] = ["Success", "Pending", "Failed"],
        ["SourceIds"] = null,
        ["SourceTypes"] = ["AWS::EC2::Instance", "AWS::SSM::ManagedInstance", "AWS::IoT::Thing"],
    };

    public bool IsTag => Key == "tag-key" || Key.StartsWith("tag:", StringComparison.Ordinal);

    public static IReadOnlyList<InstanceInformationFilter> Parse(SsmInput input)
    {
        var filters = input.Objects("Filters").Select(f => new InstanceInformationFilter(f.RequiredString("Key"), f.Strings("Values")))
            .Concat(input.Objects("InstanceInformationFilterList").Select(f => new InstanceInformationFilter(f.RequiredString("key"), f.Strings("valueSet"))))
            .ToList();
        foreach (var filter in filters)
        {
            // "tag:" names no tag: SSM lists it among the invalid keys, as it does "tag-keys" or "Tag Key".
            if ((!filter.IsTag && !Keys.ContainsKey(filter.Key)) || filter.Key == "tag:")
            {
                throw new SsmServiceException("InvalidFilterKey", $"The filter key {filter.Key} is not valid.");
            }

            if (filter.Values.Count == 0 || (Keys.GetValueOrDefault(filter.Key) is { } allowed && filter.Values.Any(v => !allowed.Contains(v))))
            {
                throw new SsmServiceException("InvalidInstanceInformationFilterValue",
                    $"The filter value for key {filter.Key} is not valid: {string.Join(",", filter.Values)}.");
            }

            if (filter.Key == "InstanceIds" && filter.Values.Any(v => !InstanceIdFormat.IsValid(v)))
            {
                throw SsmErrors.InvalidInstanceId();
            }
        }

        if (filters.Exists(f => f.IsTag) && filters.Exists(f => !f.IsTag))
        {
            throw new SsmServiceException("InvalidFilterKey", "Tag filters cannot be combined with other filter keys.");
        }

        return filters;
    }

    public bool Matches(FleetNode node, DateTimeOffset now) => Key switch
    {
        "InstanceIds" or "SourceIds" => Values.Contains(node.InstanceId, StringComparer.Ordinal),
        "AgentVersion" => Values.Contains(node.AgentVersion, StringComparer.Ordinal),
        "PingStatus" => Values.Contains(node.PingStatus(now), StringComparer.Ordinal),
        "PlatformTypes" => Values.Contains(node.Os.PlatformType, StringComparer.Ordinal),
        "ResourceType" => Values.Contains(node.IsHybrid ? "ManagedInstance" : "EC2Instance", StringComparer.Ordinal),
        "ActivationIds" => node.Hybrid is { } h && Values.Contains(h.ActivationId, StringComparer.Ordinal),
        "IamRole" => node.Hybrid is { } r && Values.Contains(r.IamRole, StringComparer.Ordinal),
        "AssociationStatus" => Values.Contains("Success", StringComparer.Ordinal),
        "SourceTypes" => Values.Contains(node.IsHybrid ? "AWS::SSM::ManagedInstance" : "AWS::EC2::Instance", StringComparer.Ordinal),
        "tag-key" => Values.Any(node.Tags.ContainsKey),
        _ => node.Tags.TryGetValue(Key[4..], out var value) && Values.Contains(value, StringComparer.Ordinal),
    };
}

using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Instances;

/// <summary>A DescribeInstanceInformation filter, from <c>Filters</c> or the deprecated <c>InstanceInformationFilterList</c>.</summary>
internal sealed record InstanceInformationFilter(string Key, IReadOnlyList<string> Values)
{
    // Every node of a page's scan is matched against the values: a set, not a list searched from the start.
    private readonly HashSet<string> _values = new(Values, StringComparer.Ordinal);

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
        "InstanceIds" or "SourceIds" => _values.Contains(node.InstanceId),
        "AgentVersion" => _values.Contains(node.AgentVersion),
        "PingStatus" => _values.Contains(node.PingStatus(now)),
        "PlatformTypes" => _values.Contains(node.Os.PlatformType),
        "ResourceType" => _values.Contains(node.IsHybrid ? "ManagedInstance" : "EC2Instance"),
        "ActivationIds" => node.Hybrid is { } h && _values.Contains(h.ActivationId),
        "IamRole" => node.Hybrid is { } r && _values.Contains(r.IamRole),
        "AssociationStatus" => _values.Contains("Success"),
        "SourceTypes" => _values.Contains(node.IsHybrid ? "AWS::SSM::ManagedInstance" : "AWS::EC2::Instance"),
        "tag-key" => Values.Any(node.Tags.ContainsKey),
        _ => node.Tags.TryGetValue(Key[4..], out var value) && _values.Contains(value),
    };
}

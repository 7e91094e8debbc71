using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>
/// DescribePatchGroups: the groups registered to a baseline, one mapping per group and operating system, filtered by
/// <c>NAME_PREFIX</c> (the group name starts with a value) and <c>OPERATING_SYSTEM</c>, the only keys it supports.
/// </summary>
internal sealed class DescribePatchGroupsOperation : ISsmOperation
{
    /// <summary>PatchOrchestratorFilterList of DescribePatchGroups: at most five filters.</summary>
    private const int MaxFilters = 5;

    public string Name => "DescribePatchGroups";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var filters = input.Objects("Filters").Select(f => (Key: f.RequiredString("Key"), Values: f.Strings("Values"))).ToList();
        if (filters.Count > MaxFilters)
        {
            throw SsmErrors.Validation("filters", $"Member must have length less than or equal to {MaxFilters}", $"[{filters.Count} filters]");
        }

        if (filters.Find(f => f.Key is not ("NAME_PREFIX" or "OPERATING_SYSTEM")) is { Key: not null } bad)
        {
            throw SsmErrors.Validation("filters.member.key", "Member must be one of NAME_PREFIX, OPERATING_SYSTEM", bad.Key);
        }

        var registrations = world.Baselines.Registrations
            .Where(r => filters.TrueForAll(f => f.Key == "NAME_PREFIX"
                ? f.Values.Any(prefix => r.Key.Group.StartsWith(prefix, StringComparison.Ordinal))
                : f.Values.Contains(r.Key.Os, StringComparer.Ordinal)))
            .OrderBy(r => r.Key.Group, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Os, StringComparer.Ordinal)
            .Select(r => (r.Key.Group, Baseline: world.Baselines.Find(r.Value)))
            .Where(r => r.Baseline is not null)
            .ToList();
        var page = SsmPaging.Page(input, world, registrations, 1, 100, 100);
        var result = new JsonObject
        {
            ["Mappings"] = new JsonArray([.. page.Items.Select(r => (JsonNode)new JsonObject
            {
                ["PatchGroup"] = r.Group,
                ["BaselineIdentity"] = PatchBaselineJson.Identity(r.Baseline!, world.Baselines.IsDefault(r.Baseline!)),
            })]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

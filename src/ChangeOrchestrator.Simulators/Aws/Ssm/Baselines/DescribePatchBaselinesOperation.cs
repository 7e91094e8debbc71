using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed class DescribePatchBaselinesOperation : ISsmOperation
{
    public string Name => "DescribePatchBaselines";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var filters = input.Objects("Filters").Select(f => (Key: f.RequiredString("Key"), Values: f.Strings("Values"))).ToList();
        if (filters.Find(f => f.Key is not ("NAME_PREFIX" or "OWNER" or "OPERATING_SYSTEM")) is { Key: not null } bad)
        {
            throw SsmErrors.Validation("filters.member.key", "Member must be one of NAME_PREFIX, OWNER, OPERATING_SYSTEM", bad.Key);
        }

        var baselines = world.Baselines.All
            .Where(b => filters.TrueForAll(f => f.Key switch
            {
                "NAME_PREFIX" => f.Values.Any(prefix => b.Name.StartsWith(prefix, StringComparison.Ordinal)),
                "OWNER" => f.Values.Contains(b.IsAwsOwned ? "AWS" : "Self", StringComparer.Ordinal),
                _ => f.Values.Contains(b.OperatingSystem, StringComparer.Ordinal),
            }))
            .OrderBy(b => b.IsAwsOwned ? 0 : 1)
            .ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var page = SsmPaging.Page(input, world, baselines, 1, 100, 100);
        var result = new JsonObject
        {
            ["BaselineIdentities"] = new JsonArray([.. page.Items.Select(b => (JsonNode)PatchBaselineJson.Identity(b, world.Baselines.IsDefault(b)))]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

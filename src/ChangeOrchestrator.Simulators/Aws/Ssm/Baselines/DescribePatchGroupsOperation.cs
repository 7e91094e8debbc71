using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed class DescribePatchGroupsOperation : ISsmOperation
{
    public string Name => "DescribePatchGroups";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var registrations = world.Baselines.Registrations
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

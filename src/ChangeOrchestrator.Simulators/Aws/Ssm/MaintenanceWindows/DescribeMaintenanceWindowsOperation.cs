using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class DescribeMaintenanceWindowsOperation : ISsmOperation
{
    public string Name => "DescribeMaintenanceWindows";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var filters = input.Objects("Filters").Select(f => (Key: f.RequiredString("Key"), Values: f.Strings("Values"))).ToList();
        if (filters.Find(f => f.Key is not ("Name" or "Enabled")) is { Key: not null } bad)
        {
            throw SsmErrors.Validation("filters.member.key", "Member must be Name or Enabled", bad.Key);
        }

        var windows = world.Windows.All
            .Where(w => filters.TrueForAll(f => f.Key == "Name"
                ? f.Values.Contains(w.Name, StringComparer.Ordinal)
                : f.Values.Contains(w.Enabled ? "true" : "false", StringComparer.OrdinalIgnoreCase)))
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        var page = SsmPaging.Page(input, world, windows, 10, 100, 50);
        var result = new JsonObject { ["WindowIdentities"] = new JsonArray([.. page.Items.Select(w => (JsonNode)MaintenanceWindowJson.Identity(w))]) };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

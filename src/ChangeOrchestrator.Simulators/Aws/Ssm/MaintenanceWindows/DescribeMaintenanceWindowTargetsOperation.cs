using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class DescribeMaintenanceWindowTargetsOperation : ISsmOperation
{
    public string Name => "DescribeMaintenanceWindowTargets";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var page = SsmPaging.Page(input, world, window.Targets, 10, 100, 50);
        var result = new JsonObject
        {
            ["Targets"] = new JsonArray([.. page.Items.Select(t =>
            {
                var json = new JsonObject
                {
                    ["WindowId"] = window.WindowId,
                    ["WindowTargetId"] = t.WindowTargetId,
                    ["ResourceType"] = t.ResourceType,
                    ["Targets"] = MaintenanceWindowJson.Targets(t.Targets),
                };
                MaintenanceWindowJson.Optional(json, "OwnerInformation", t.OwnerInformation);
                MaintenanceWindowJson.Optional(json, "Name", t.Name);
                MaintenanceWindowJson.Optional(json, "Description", t.Description);
                return (JsonNode)json;
            })]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

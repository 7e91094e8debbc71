using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class DescribeMaintenanceWindowTasksOperation : ISsmOperation
{
    public string Name => "DescribeMaintenanceWindowTasks";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var page = SsmPaging.Page(input, world, window.Tasks, 10, 100, 50);
        var result = new JsonObject
        {
            ["Tasks"] = new JsonArray([.. page.Items.Select(t =>
            {
                var json = new JsonObject
                {
                    ["WindowId"] = window.WindowId,
                    ["WindowTaskId"] = t.WindowTaskId,
                    ["TaskArn"] = t.TaskArn,
                    ["Type"] = "RUN_COMMAND",
                    ["Targets"] = MaintenanceWindowJson.Targets(t.Targets),
                    ["Priority"] = t.Priority,
                    ["MaxConcurrency"] = t.MaxConcurrency,
                    ["MaxErrors"] = t.MaxErrors,
                    ["CutoffBehavior"] = t.CutoffBehavior,
                };
                MaintenanceWindowJson.Optional(json, "ServiceRoleArn", t.ServiceRoleArn);
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

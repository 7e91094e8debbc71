using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class DescribeMaintenanceWindowExecutionTasksOperation : ISsmOperation
{
    public string Name => "DescribeMaintenanceWindowExecutionTasks";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var execution = MaintenanceWindowLookup.Execution(world, input);
        var page = SsmPaging.Page(input, world, execution.Tasks, 10, 100, 50);
        var result = new JsonObject
        {
            ["WindowExecutionTaskIdentities"] = new JsonArray([.. page.Items.Select(t => (JsonNode)MaintenanceWindowJson.TaskExecution(execution, t))]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

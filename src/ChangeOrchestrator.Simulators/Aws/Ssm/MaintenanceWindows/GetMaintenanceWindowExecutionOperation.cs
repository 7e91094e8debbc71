using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class GetMaintenanceWindowExecutionOperation : ISsmOperation
{
    public string Name => "GetMaintenanceWindowExecution";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var execution = MaintenanceWindowLookup.Execution(world, input);
        var json = MaintenanceWindowJson.Execution(execution);
        json.Remove("WindowId");
        json["TaskIds"] = SsmJson.Strings(execution.Tasks.Select(t => t.TaskExecutionId));
        return json;
    }
}

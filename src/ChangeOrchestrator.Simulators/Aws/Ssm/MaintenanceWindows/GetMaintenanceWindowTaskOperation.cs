using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>GetMaintenanceWindowTask: the task with its Run Command invocation parameters, which DescribeMaintenanceWindowTasks leaves out.</summary>
internal sealed class GetMaintenanceWindowTaskOperation : ISsmOperation
{
    public string Name => "GetMaintenanceWindowTask";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        return MaintenanceWindowJson.Task(window, MaintenanceWindowLookup.Task(window, input));
    }
}

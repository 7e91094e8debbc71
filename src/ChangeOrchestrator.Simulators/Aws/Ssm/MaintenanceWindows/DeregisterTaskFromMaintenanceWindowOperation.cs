using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class DeregisterTaskFromMaintenanceWindowOperation : ISsmOperation
{
    public string Name => "DeregisterTaskFromMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var task = MaintenanceWindowLookup.Task(window, input);
        window.Tasks.Remove(task);
        return new JsonObject { ["WindowId"] = window.WindowId, ["WindowTaskId"] = task.WindowTaskId };
    }
}

using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>
/// UpdateMaintenanceWindowTask: members left out keep their value, unless Replace is true, when the members a
/// register needs are required and the others are cleared. The task type cannot change.
/// </summary>
internal sealed class UpdateMaintenanceWindowTaskOperation : ISsmOperation
{
    public string Name => "UpdateMaintenanceWindowTask";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var current = MaintenanceWindowLookup.Task(window, input);
        var updated = WindowTaskInput.Read(input, world, window, current.WindowTaskId, current) with { ClientToken = current.ClientToken };
        window.Tasks[window.Tasks.IndexOf(current)] = updated;
        return MaintenanceWindowJson.Task(window, updated);
    }
}

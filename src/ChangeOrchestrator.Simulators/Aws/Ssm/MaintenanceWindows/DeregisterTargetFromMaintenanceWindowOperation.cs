using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>
/// DeregisterTargetFromMaintenanceWindow: with Safe, a target a task still names is refused (TargetInUseException);
/// without it the target goes and the tasks simply no longer reach it.
/// </summary>
internal sealed class DeregisterTargetFromMaintenanceWindowOperation : ISsmOperation
{
    public string Name => "DeregisterTargetFromMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var target = MaintenanceWindowLookup.Target(window, input);
        if (input.Bool("Safe") == true && window.Tasks.Find(t => t.Targets.Any(k => k.Key == "WindowTargetIds" && k.Values.Contains(target.WindowTargetId))) is { } user)
        {
            throw new SsmServiceException("TargetInUseException", $"Window target {target.WindowTargetId} is still referenced by task {user.WindowTaskId}.");
        }

        window.Targets.Remove(target);
        return new JsonObject { ["WindowId"] = window.WindowId, ["WindowTargetId"] = target.WindowTargetId };
    }
}

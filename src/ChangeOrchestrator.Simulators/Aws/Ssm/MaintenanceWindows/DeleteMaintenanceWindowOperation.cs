using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class DeleteMaintenanceWindowOperation : ISsmOperation
{
    public string Name => "DeleteMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        world.Windows.Remove(window);
        world.ResourceTags.Remove("MaintenanceWindow", window.WindowId);
        return new JsonObject { ["WindowId"] = window.WindowId };
    }
}

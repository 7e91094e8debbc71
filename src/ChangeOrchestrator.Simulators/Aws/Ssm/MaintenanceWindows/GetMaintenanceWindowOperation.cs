using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class GetMaintenanceWindowOperation : ISsmOperation
{
    public string Name => "GetMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var json = MaintenanceWindowJson.Identity(window);
        json["AllowUnassociatedTargets"] = window.AllowUnassociatedTargets;
        json["CreatedDate"] = SsmJson.Epoch(window.CreatedDate);
        json["ModifiedDate"] = SsmJson.Epoch(window.ModifiedDate);
        return json;
    }
}

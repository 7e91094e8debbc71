using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>UpdateMaintenanceWindowTarget: members left out keep their value, unless Replace is true, when Targets is required and the others are cleared.</summary>
internal sealed class UpdateMaintenanceWindowTargetOperation : ISsmOperation
{
    public string Name => "UpdateMaintenanceWindowTarget";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var current = MaintenanceWindowLookup.Target(window, input);
        var keep = input.Bool("Replace") != true;
        var updated = current with
        {
            Targets = input.Has("Targets") || !keep ? WindowTargetInput.Targets(input) : current.Targets,
            OwnerInformation = input.Has("OwnerInformation") || !keep ? WindowTargetInput.OwnerInformation(input) : current.OwnerInformation,
            Name = input.Has("Name") || !keep ? WindowTargetInput.Name(input) : current.Name,
            Description = input.Has("Description") || !keep ? MaintenanceWindowInput.Description(input) : current.Description,
        };
        window.Targets[window.Targets.IndexOf(current)] = updated;
        var json = new JsonObject
        {
            ["WindowId"] = window.WindowId,
            ["WindowTargetId"] = updated.WindowTargetId,
            ["Targets"] = MaintenanceWindowJson.Targets(updated.Targets),
        };
        MaintenanceWindowJson.Optional(json, "OwnerInformation", updated.OwnerInformation);
        MaintenanceWindowJson.Optional(json, "Name", updated.Name);
        MaintenanceWindowJson.Optional(json, "Description", updated.Description);
        return json;
    }
}

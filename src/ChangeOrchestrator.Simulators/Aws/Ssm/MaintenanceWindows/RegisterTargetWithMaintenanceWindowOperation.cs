using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

internal sealed class RegisterTargetWithMaintenanceWindowOperation : ISsmOperation
{
    public string Name => "RegisterTargetWithMaintenanceWindow";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var resourceType = input.RequiredString("ResourceType");
        if (resourceType is not ("INSTANCE" or "RESOURCE_GROUP"))
        {
            throw SsmErrors.Validation("resourceType", "Member must satisfy enum value set: [INSTANCE, RESOURCE_GROUP]", resourceType);
        }

        var targets = WindowTargetInput.Targets(input);
        var clientToken = input.String("ClientToken");
        if (clientToken is not null && window.Targets.Find(t => t.ClientToken == clientToken) is { } earlier)
        {
            return new JsonObject { ["WindowTargetId"] = earlier.WindowTargetId };
        }

        if (window.Targets.Count >= MaintenanceWindowLimits.TargetsPerWindow)
        {
            throw new SsmServiceException("ResourceLimitExceededException", $"Maintenance window {window.WindowId} already has {MaintenanceWindowLimits.TargetsPerWindow} targets.");
        }

        var target = new WindowTarget(
            world.Ids.Guid(), resourceType, targets, WindowTargetInput.OwnerInformation(input), WindowTargetInput.Name(input), MaintenanceWindowInput.Description(input))
        {
            ClientToken = clientToken,
        };
        window.Targets.Add(target);
        return new JsonObject { ["WindowTargetId"] = target.WindowTargetId };
    }
}

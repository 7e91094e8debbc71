using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

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

        var targets = input.Objects("Targets").Select(t => new CommandTarget(t.RequiredString("Key"), t.Strings("Values"))).ToList();
        if (targets.Count == 0)
        {
            throw SsmErrors.Required("Targets");
        }

        if (targets.Find(t => !CommandTargetResolver.IsSupportedKey(t.Key)) is { } bad)
        {
            throw SsmErrors.Validation("targets.member.key", "Member must be a supported target key", bad.Key);
        }

        var target = new WindowTarget(world.Ids.Guid(), resourceType, targets, input.String("OwnerInformation"), input.String("Name"), input.String("Description"));
        window.Targets.Add(target);
        return new JsonObject { ["WindowTargetId"] = target.WindowTargetId };
    }
}

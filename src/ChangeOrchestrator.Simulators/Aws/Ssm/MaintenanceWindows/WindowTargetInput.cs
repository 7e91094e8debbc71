using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>The target members RegisterTargetWithMaintenanceWindow and UpdateMaintenanceWindowTarget validate alike.</summary>
internal static class WindowTargetInput
{
    public static IReadOnlyList<CommandTarget> Targets(SsmInput input)
    {
        var targets = input.Objects("Targets").Select(t => new CommandTarget(t.RequiredString("Key"), t.Strings("Values"))).ToList();
        if (targets.Count == 0)
        {
            throw SsmErrors.Required("Targets");
        }

        if (targets.Count > 5)
        {
            throw SsmErrors.Validation("targets", "Member must have length less than or equal to 5", targets.Count);
        }

        if (targets.Find(t => !CommandTargetResolver.IsSupportedKey(t.Key)) is { } bad)
        {
            throw SsmErrors.Validation("targets.member.key", "Member must be a supported target key", bad.Key);
        }

        return targets;
    }

    public static string? OwnerInformation(SsmInput input) =>
        input.String("OwnerInformation") is { Length: 0 or > 128 } owner
            ? throw SsmErrors.Validation("ownerInformation", "Member must have length between 1 and 128", owner)
            : input.String("OwnerInformation");

    public static string? Name(SsmInput input) => input.String("Name") is { } name ? MaintenanceWindowInput.Name(name) : null;
}

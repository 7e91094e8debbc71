namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// A maintenance window found in SSM with its registered targets and tasks; <paramref name="AppliedHash"/> is the
/// hash of the window's fields and its parts last applied by this product.
/// </summary>
public sealed record DeployedWindow(string Id, bool Managed, string? AppliedHash, MaintenanceWindowPolicy Window)
{
    public IReadOnlyList<DeployedWindowPart> Targets { get; init; } = [];

    public IReadOnlyList<DeployedWindowPart> Tasks { get; init; } = [];
}

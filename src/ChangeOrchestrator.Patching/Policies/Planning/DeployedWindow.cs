namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>A maintenance window found in SSM; <paramref name="AppliedHash"/> is the hash of the fields last applied by this product.</summary>
public sealed record DeployedWindow(string Id, bool Managed, string? AppliedHash, MaintenanceWindowPolicy Window);

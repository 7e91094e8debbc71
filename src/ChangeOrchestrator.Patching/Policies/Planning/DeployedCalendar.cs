namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// A ChangeCalendar document found in SSM, read back into the freezes it closes; <paramref name="AppliedHash"/> is
/// the hash of the fields last applied by this product.
/// </summary>
public sealed record DeployedCalendar(string Name, bool Managed, string? AppliedHash, FreezeCalendar Calendar);

namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>A custom baseline found in SSM; <paramref name="AppliedHash"/> is the hash of the fields last applied by this product.</summary>
public sealed record DeployedBaseline(string Id, bool Managed, string? AppliedHash, BaselinePolicy Baseline);

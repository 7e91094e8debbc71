namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>A folder's policy, or every error that keeps it from being one.</summary>
public sealed record PolicyLoadResult(PatchPolicy? Policy, IReadOnlyList<PolicyError> Errors, IReadOnlyList<string> Files)
{
    public bool IsValid => Policy is not null && Errors.Count == 0;
}

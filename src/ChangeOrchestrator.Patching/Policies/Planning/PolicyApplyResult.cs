namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>The plan an apply followed, the writes it made, and the error that stopped it (naming the policy field) if any.</summary>
public sealed record PolicyApplyResult(PolicyPlan Plan, IReadOnlyList<PlannedChange> Applied, IReadOnlyList<PolicyError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

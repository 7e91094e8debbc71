using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Patching.Policies.Changes;

/// <summary>The standard change a policy was applied through (null when SSM already matched), how it closed, and the apply.</summary>
public sealed record PolicyChangeResult(ChangeReference? Change, ChangeOutcome? Outcome, PolicyApplyResult? Apply, PolicyPlan Plan, string? Refusal);

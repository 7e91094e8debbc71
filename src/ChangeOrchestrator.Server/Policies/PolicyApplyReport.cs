using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>A policy applied straight to SSM: the plan, the writes made and the writes refused.</summary>
public sealed record PolicyApplyReport(PolicyPlanReport Plan, IEnumerable<string> Applied, IReadOnlyList<PolicyError> Errors);

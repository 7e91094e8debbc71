using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>A plan as the API shows it: the writes it would make, what drifted, conflicts, and the plan as text.</summary>
public sealed record PolicyPlanReport(bool HasChanges, IEnumerable<PlannedChangeReport> Changes, IEnumerable<string> Drift, IReadOnlyList<string> Conflicts, string Text)
{
    public static PolicyPlanReport From(PolicyPlan plan) =>
        new(plan.HasChanges, plan.Changes.Select(PlannedChangeReport.From), plan.Drift.Select(c => c.Summary), plan.Conflicts, plan.Render());
}

using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>Plans, applies and errors as the API answers them.</summary>
internal static class PolicyReport
{
    public static object Errors(IEnumerable<PolicyError> errors) =>
        errors.Select(e => new { e.File, e.Line, e.Field, e.Message }).ToList();

    public static object Plan(PolicyPlan plan) => new
    {
        hasChanges = plan.HasChanges,
        changes = plan.Changes.Select(c => new
        {
            action = c.Action.ToString(), kind = c.Kind.ToString(), c.Name, c.ResourceId, c.OperatingSystem, c.BaselineName, c.WindowName,
            c.Drift, c.HeldBack, fields = c.Fields.Select(f => new { f.Field, f.Current, f.Desired }),
        }),
        drift = plan.Drift.Select(c => c.Summary),
        conflicts = plan.Conflicts,
        text = plan.Render(),
    };
}

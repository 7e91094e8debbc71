namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>What applying a policy would change in SSM, what drifted, and what it cannot touch.</summary>
public sealed record PolicyPlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Conflicts)
{
    /// <summary>The writes an apply makes: everything but the deletes held back.</summary>
    public IReadOnlyList<PlannedChange> Writes => [.. Changes.Where(c => !c.HeldBack)];

    public IReadOnlyList<PlannedChange> Drift => [.. Changes.Where(c => c.Drift)];

    public bool HasChanges => Writes.Count > 0;

    /// <summary>The plan as people read it, one change per line with its fields indented below.</summary>
    public string Render()
    {
        var text = new System.Text.StringBuilder();
        foreach (var change in Changes)
        {
            text.AppendLine(change.ToString());
            foreach (var field in change.Fields)
            {
                text.Append("    ").AppendLine(field.ToString());
            }
        }

        foreach (var conflict in Conflicts)
        {
            text.Append("! ").AppendLine(conflict);
        }

        var writes = Writes;
        text.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Plan: {writes.Count(c => c.Action is PlanAction.Create or PlanAction.Register)} to add, {writes.Count(c => c.Action == PlanAction.Update)} to change, "
            + $"{writes.Count(c => c.Action is PlanAction.Delete or PlanAction.Deregister)} to remove; {Drift.Count} drifted; "
            + $"{Changes.Count(c => c.HeldBack)} held back; {Conflicts.Count} conflicts.");
        return text.ToString();
    }
}

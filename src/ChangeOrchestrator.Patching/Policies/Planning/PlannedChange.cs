namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// One write the plan makes, with the fields it changes. <see cref="Drift"/> marks a resource this product applied
/// that was changed in SSM since; <see cref="HeldBack"/> a delete that waits for an explicit permission.
/// </summary>
public sealed record PlannedChange
{
    public required PlanAction Action { get; init; }

    public required PolicyResourceKind Kind { get; init; }

    /// <summary>The baseline or window name, or the patch group name for a registration.</summary>
    public required string Name { get; init; }

    /// <summary>The SSM id when the resource exists (pb-..., mw-...; for a deregistration the baseline's id).</summary>
    public string? ResourceId { get; init; }

    public IReadOnlyList<FieldChange> Fields { get; init; } = [];

    public bool Drift { get; init; }

    public bool HeldBack { get; init; }

    public BaselinePolicy? Baseline { get; init; }

    public MaintenanceWindowPolicy? Window { get; init; }

    /// <summary>Registrations: the operating system and the baseline's name in the policy.</summary>
    public string? OperatingSystem { get; init; }

    public string? BaselineName { get; init; }

    /// <summary>Window targets and tasks: the window they belong to (its name, and its id once it exists).</summary>
    public string? WindowName { get; init; }

    public string? WindowId { get; init; }

    public WindowTargetSpec? Target { get; init; }

    /// <summary>Tasks: the task, and the id of the target it runs on once that exists.</summary>
    public WindowTaskSpec? Task { get; init; }

    public string? WindowTargetId { get; init; }

    public FreezeCalendar? Calendar { get; init; }

    /// <summary>Hash of the fields applied, stored in a tag to recognise later drift (for a window part, the window's).</summary>
    public string? Hash { get; init; }

    public string Summary => (Action, Kind) switch
    {
        (PlanAction.Register or PlanAction.Update or PlanAction.Deregister, PolicyResourceKind.WindowTarget or PolicyResourceKind.WindowTask) =>
            $"{Action.ToString().ToLowerInvariant()} {(Kind == PolicyResourceKind.WindowTarget ? "target" : "task")} {Name} "
            + $"{(Action == PlanAction.Register ? "with" : Action == PlanAction.Update ? "of" : "from")} maintenance window {WindowName}"
            + (ResourceId is null ? "" : $" ({ResourceId})"),
        (PlanAction.Register, _) => $"register patch group {Name} for {OperatingSystem} with baseline {BaselineName}",
        (PlanAction.Deregister, _) => $"deregister patch group {Name} for {OperatingSystem} from baseline {ResourceId}",
        _ => $"{Action.ToString().ToLowerInvariant()} {KindName} {Name}" + (ResourceId is null ? "" : $" ({ResourceId})"),
    };

    public override string ToString() =>
        $"{Symbol}{Summary}{(Drift ? " [drift: changed in SSM outside the policy]" : "")}{(HeldBack ? " [held back: deletes need --delete]" : "")}";

    private string KindName => Kind switch
    {
        PolicyResourceKind.Baseline => "baseline",
        PolicyResourceKind.ChangeCalendar => "change calendar",
        _ => "maintenance window",
    };

    private string Symbol => Action switch
    {
        PlanAction.Create or PlanAction.Register => "+ ",
        PlanAction.Update => "~ ",
        _ => "- ",
    };
}

using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>One write of a plan: what it does to which SSM resource, and each field's current and desired value.</summary>
public sealed record PlannedChangeReport(
    string Action,
    string Kind,
    string Name,
    string? ResourceId,
    string? OperatingSystem,
    string? BaselineName,
    string? WindowName,
    bool Drift,
    bool HeldBack,
    IReadOnlyList<FieldChange> Fields)
{
    public static PlannedChangeReport From(PlannedChange change) => new(
        change.Action.ToString(), change.Kind.ToString(), change.Name, change.ResourceId, change.OperatingSystem, change.BaselineName, change.WindowName,
        change.Drift, change.HeldBack, change.Fields);
}

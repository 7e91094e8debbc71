namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// The SSM Change Calendar that carries a maintenance window's freezes: open by default, closed by each freeze, so
/// that anything in AWS that checks the calendar (GetCalendarState, Automation's change-calendar step, the console)
/// sees the freeze the policy declares.
/// </summary>
public sealed record FreezeCalendar(string Name, string WindowName, bool DefaultOpen, IReadOnlyList<ChangeFreezePolicy> Freezes)
{
    /// <summary>The calendar document of a window: its name with <c>-freezes</c>.</summary>
    public static string NameFor(string windowName) => windowName + "-freezes";

    public static FreezeCalendar For(MaintenanceWindowPolicy window) =>
        new(NameFor(window.Name), window.Name, DefaultOpen: true, [.. window.Freezes.OrderBy(f => f.Start)]);
}

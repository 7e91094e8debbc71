namespace ChangeOrchestrator.Patching.Policies.Planning;

public enum PolicyResourceKind
{
    Baseline,
    PatchGroup,
    MaintenanceWindow,
    WindowTarget,
    WindowTask,
    ChangeCalendar,
}

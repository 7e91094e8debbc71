namespace ChangeOrchestrator.Patching.Policies.Planning;

public enum PolicyResourceKind
{
    Baseline,
    PatchGroup,
    MaintenanceWindow,
}

namespace ChangeOrchestrator.Patching.Policies.Planning;

public enum PlanAction
{
    Create,
    Update,
    Delete,
    Register,
    Deregister,
}

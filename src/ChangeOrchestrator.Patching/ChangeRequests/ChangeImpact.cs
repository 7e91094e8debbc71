namespace ChangeOrchestrator.Patching.ChangeRequests;

public enum ChangeImpact
{
    Low,
    Medium,
    High,
}

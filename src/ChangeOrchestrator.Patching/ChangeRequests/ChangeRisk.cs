namespace ChangeOrchestrator.Patching.ChangeRequests;

public enum ChangeRisk
{
    Low,
    Medium,
    High,
    Critical,
}

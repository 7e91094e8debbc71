namespace ChangeOrchestrator.Patching.ChangeRequests;

public enum ApprovalDecision
{
    NotRequested,
    Pending,
    Approved,
    Rejected,
}

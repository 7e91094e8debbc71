namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>The life cycle of a change in every desk's terms, in the order a change moves through it.</summary>
public enum ChangeState
{
    New,
    Assessing,
    AwaitingApproval,
    Scheduled,
    Implementing,
    Review,
    Closed,
    Cancelled,
}

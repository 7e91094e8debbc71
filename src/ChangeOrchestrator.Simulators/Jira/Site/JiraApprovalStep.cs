namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>The approval configured on a status, and the transitions Jira runs itself on the final decision.</summary>
internal sealed record JiraApprovalStep(
    string Name,
    JiraStatus Status,
    JiraTransition ApprovedTransition,
    JiraTransition RejectedTransition,
    int RequiredApprovals,
    IReadOnlyList<string> DefaultApproverAccountIds)
{
    /// <summary>The decision transitions belong to the approval: nobody can run them while it is pending.</summary>
    public bool Owns(JiraTransition transition) =>
        transition.Id == ApprovedTransition.Id || transition.Id == RejectedTransition.Id;
}

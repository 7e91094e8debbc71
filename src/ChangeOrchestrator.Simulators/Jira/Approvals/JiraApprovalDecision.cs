namespace ChangeOrchestrator.Simulators.Jira.Approvals;

internal enum JiraApprovalDecision
{
    Pending,
    Approved,
    Declined,
}

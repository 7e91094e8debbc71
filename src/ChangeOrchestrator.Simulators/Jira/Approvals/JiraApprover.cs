namespace ChangeOrchestrator.Simulators.Jira.Approvals;

internal sealed class JiraApprover(string accountId)
{
    public string AccountId { get; } = accountId;

    public JiraApprovalDecision Decision { get; set; } = JiraApprovalDecision.Pending;
}

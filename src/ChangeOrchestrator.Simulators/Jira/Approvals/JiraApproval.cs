namespace ChangeOrchestrator.Simulators.Jira.Approvals;

/// <summary>The approval created when an issue enters the approval status.</summary>
internal sealed class JiraApproval
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string StatusId { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required IReadOnlyList<JiraApprover> Approvers { get; init; }

    public DateTimeOffset? Completed { get; set; }

    public JiraApprovalDecision FinalDecision { get; set; } = JiraApprovalDecision.Pending;

    public bool IsPending => FinalDecision == JiraApprovalDecision.Pending;

    public JiraApprover? Approver(string accountId) => Approvers.FirstOrDefault(a => a.AccountId == accountId);
}

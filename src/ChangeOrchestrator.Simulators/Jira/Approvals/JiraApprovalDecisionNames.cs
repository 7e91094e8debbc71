namespace ChangeOrchestrator.Simulators.Jira.Approvals;

internal static class JiraApprovalDecisionNames
{
    public static string ToWire(this JiraApprovalDecision decision) => decision switch
    {
        JiraApprovalDecision.Approved => "approved",
        JiraApprovalDecision.Declined => "declined",
        _ => "pending",
    };
}

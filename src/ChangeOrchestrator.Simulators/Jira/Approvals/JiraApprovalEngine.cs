using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Transitions;

namespace ChangeOrchestrator.Simulators.Jira.Approvals;

/// <summary>
/// Records approver decisions. The "number" condition: the approval is approved once the required number approve
/// (0 means all), declined as soon as one declines; then Jira runs the approved or rejected transition itself.
/// </summary>
internal sealed class JiraApprovalEngine(JiraSite site, JiraTransitionRunner runner)
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoFields = new Dictionary<string, JsonNode?>();

    public bool CanAnswer(JiraIssue issue, JiraApproval approval, JiraAccount account) =>
        approval.IsPending
        && issue.Status.Id == approval.StatusId
        && approval.Approver(account.AccountId)?.Decision == JiraApprovalDecision.Pending;

    /// <summary>The pending approval of the issue's current status, if any.</summary>
    public static JiraApproval? Pending(JiraIssue issue) =>
        issue.Approvals.LastOrDefault(a => a.IsPending && a.StatusId == issue.Status.Id);

    /// <summary>Records the decisions of <paramref name="accountIds"/>; <paramref name="settle"/> decides even if the condition is not met (the site's own approve/decline controls).</summary>
    public void Answer(
        JiraState state,
        JiraIssue issue,
        JiraApproval approval,
        IReadOnlyCollection<string> accountIds,
        JiraApprovalDecision decision,
        JiraChangeContext context,
        bool settle = false)
    {
        foreach (var approver in approval.Approvers.Where(a => accountIds.Contains(a.AccountId) && a.Decision == JiraApprovalDecision.Pending))
        {
            approver.Decision = decision;
        }

        var approved = approval.Approvers.Count(a => a.Decision == JiraApprovalDecision.Approved);
        var configured = site.Workflow.Approval.RequiredApprovals;
        var required = configured == 0 ? approval.Approvers.Count : Math.Min(configured, approval.Approvers.Count);
        var final = approval.Approvers.Any(a => a.Decision == JiraApprovalDecision.Declined) ? JiraApprovalDecision.Declined
            : required > 0 && approved >= required ? JiraApprovalDecision.Approved
            : settle ? decision
            : JiraApprovalDecision.Pending;
        if (final == JiraApprovalDecision.Pending)
        {
            issue.Updated = context.Now;
            return;
        }

        approval.FinalDecision = final;
        approval.Completed = context.Now;
        var step = site.Workflow.Approval;
        var transition = final == JiraApprovalDecision.Approved ? step.ApprovedTransition : step.RejectedTransition;
        runner.Run(state, issue, transition, context, null, NoFields, null);
    }
}

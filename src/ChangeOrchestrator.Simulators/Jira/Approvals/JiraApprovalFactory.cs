using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;

namespace ChangeOrchestrator.Simulators.Jira.Approvals;

internal static class JiraApprovalFactory
{
    /// <summary>Opens the approval for the issue's current (approval) status, approvers from its Approvers field or the defaults.</summary>
    public static JiraApproval Open(JiraState state, JiraIssue issue, JiraSite site, DateTimeOffset now)
    {
        var step = site.Workflow.Approval;
        var approvers = site.Fields.Approvers is { } field ? JiraFieldValues.Ids(issue.Value(field.Id)) : [];
        if (approvers.Count == 0)
        {
            approvers = [.. step.DefaultApproverAccountIds];
        }

        var approval = new JiraApproval
        {
            Id = state.NextApprovalId(),
            Name = step.Name,
            StatusId = step.Status.Id,
            Created = now,
            Approvers = approvers.Select(id => new JiraApprover(id)).ToList(),
        };
        issue.Approvals.Add(approval);
        return approval;
    }
}

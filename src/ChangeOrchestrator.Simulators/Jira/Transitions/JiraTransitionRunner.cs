using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Approvals;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Webhooks;

namespace ChangeOrchestrator.Simulators.Jira.Transitions;

/// <summary>
/// Moves an issue along the workflow: status and resolution changes in one history entry, the approval opened on
/// entering the approval status, and one <c>jira:issue_updated</c> (issue_generic) for it all.
/// </summary>
internal sealed class JiraTransitionRunner(JiraSite site, JiraIssueChanges changes, JiraWebhookPublisher publisher)
{
    private JiraApprovalStep Step => site.Workflow.Approval;

    public bool IsApprovalPending(JiraIssue issue) =>
        issue.Status.Id == Step.Status.Id && issue.Approvals.LastOrDefault(a => a.StatusId == issue.Status.Id) is { IsPending: true };

    /// <summary>
    /// Transitions out of the current status, each with whether the caller may run it now: read-only callers may run
    /// none, and the approval's own decision transitions stay closed while it is pending (only the decision runs them).
    /// </summary>
    public IEnumerable<(JiraTransition Transition, bool Available)> Candidates(JiraIssue issue, JiraCaller caller)
    {
        var pending = IsApprovalPending(issue);
        return site.Workflow.From(issue.Status).Select(t => (t, caller.CanWrite && !(pending && Step.Owns(t))));
    }

    public void Run(
        JiraState state,
        JiraIssue issue,
        JiraTransition transition,
        JiraChangeContext context,
        JiraResolution? resolution,
        IReadOnlyDictionary<string, JsonNode?> fieldValues,
        JiraComment? comment)
    {
        var items = changes.Apply(issue, fieldValues);
        var from = issue.Status;
        var to = transition.To;
        items.Insert(0, new JiraChangelogItem("status", "jira", "status", from.Id, from.Name, to.Id, to.Name));
        issue.Status = to;

        var newResolution = to.IsDone ? resolution ?? issue.Resolution ?? DefaultResolution(to) : null;
        if (newResolution != issue.Resolution)
        {
            var old = issue.Resolution;
            items.Add(new JiraChangelogItem("resolution", "jira", "resolution", old?.Id, old?.Name, newResolution?.Id, newResolution?.Name));
            issue.Resolution = newResolution;
            issue.ResolutionDate = newResolution is null ? null : context.Now;
        }

        var entry = changes.Record(state, issue, items, context);
        if (to.Id == Step.Status.Id)
        {
            JiraApprovalFactory.Open(state, issue, site, context.Now);
        }

        publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.IssueUpdated, "issue_generic", issue, context, entry, comment));
    }

    /// <summary>JSM's change workflow resolves declined changes as Declined and canceled ones as Won't Do.</summary>
    private static JiraResolution DefaultResolution(JiraStatus status)
    {
        var name = status.Name.StartsWith("Declin", StringComparison.OrdinalIgnoreCase) ? "Declined"
            : status.Name.StartsWith("Cancel", StringComparison.OrdinalIgnoreCase) ? "Won't Do"
            : "Done";
        return JiraResolution.All.First(r => r.Name == name);
    }
}

namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed class JiraWorkflow(
    IReadOnlyList<JiraStatus> statuses,
    IReadOnlyList<JiraTransition> transitions,
    JiraStatus initial,
    JiraApprovalStep approval)
{
    public IReadOnlyList<JiraStatus> Statuses { get; } = statuses;

    public IReadOnlyList<JiraTransition> Transitions { get; } = transitions;

    public JiraStatus Initial { get; } = initial;

    public JiraApprovalStep Approval { get; } = approval;

    public IEnumerable<JiraTransition> From(JiraStatus status) => Transitions.Where(t => t.IsAvailableFrom(status));
}

namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed record JiraStatus(string Id, string Name, JiraStatusCategory Category)
{
    public bool IsDone => Category == JiraStatusCategory.Done;
}

namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed record JiraTransition(
    string Id,
    string Name,
    IReadOnlyList<string> FromStatusIds,
    JiraStatus To,
    IReadOnlyList<string> ScreenFields)
{
    public bool IsAvailableFrom(JiraStatus status) => FromStatusIds.Contains(status.Id, StringComparer.Ordinal);
}

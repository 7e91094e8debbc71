namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed record JiraProject(string Id, string Key, string Name, string ServiceDeskId);

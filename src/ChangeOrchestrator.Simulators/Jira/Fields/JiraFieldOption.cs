namespace ChangeOrchestrator.Simulators.Jira.Fields;

internal sealed record JiraFieldOption(string Id, string Value);

namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed record JiraBearerToken(string Token, JiraAccount Account, bool IsApp);

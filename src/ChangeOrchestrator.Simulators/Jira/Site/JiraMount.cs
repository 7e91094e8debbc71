namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>Endpoint metadata carrying the path the site is mounted at, so links can be built from any request.</summary>
internal sealed record JiraMount(string Prefix);

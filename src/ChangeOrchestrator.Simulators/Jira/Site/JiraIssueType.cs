namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>An issue type of the service project; only the change type carries the JSM change fields and approvals.</summary>
internal sealed record JiraIssueType(string Id, string Name, string Description, bool IsChange);

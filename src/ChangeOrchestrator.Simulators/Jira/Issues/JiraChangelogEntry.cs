namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>One history entry: the changes one action made.</summary>
internal sealed record JiraChangelogEntry(string Id, string AuthorAccountId, DateTimeOffset Created, IReadOnlyList<JiraChangelogItem> Items);

using ChangeOrchestrator.Simulators.Jira.Issues;

namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>
/// How one JQL field reads an issue. <see cref="KnownValues"/>, when set, makes unknown values a query error as Jira
/// does for projects, issue types and statuses; <see cref="EmptyAlias"/> is a word that means "no value" (Unresolved).
/// </summary>
internal sealed record JqlField(
    string Name,
    JqlFieldType Type,
    Func<JiraIssue, IReadOnlyList<string>> Values,
    IReadOnlyList<string>? KnownValues = null,
    string? EmptyAlias = null);

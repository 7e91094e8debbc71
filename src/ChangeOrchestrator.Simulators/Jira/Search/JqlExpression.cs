namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>A node of a parsed JQL condition.</summary>
internal abstract record JqlExpression;

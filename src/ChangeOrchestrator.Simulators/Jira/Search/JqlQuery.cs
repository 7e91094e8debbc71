namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>A parsed query; a null <see cref="Where"/> matches every issue.</summary>
internal sealed record JqlQuery(JqlExpression? Where, IReadOnlyList<JqlOrder> OrderBy);

namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary><c>field operator value(s)</c>; IS [NOT] EMPTY carries no values.</summary>
internal sealed record JqlClause(string Field, JqlOperator Operator, IReadOnlyList<string> Values) : JqlExpression;

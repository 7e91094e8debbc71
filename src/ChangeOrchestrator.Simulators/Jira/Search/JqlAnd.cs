namespace ChangeOrchestrator.Simulators.Jira.Search;

internal sealed record JqlAnd(JqlExpression Left, JqlExpression Right) : JqlExpression;

namespace ChangeOrchestrator.Simulators.Jira.Search;

internal sealed record JqlOr(JqlExpression Left, JqlExpression Right) : JqlExpression;

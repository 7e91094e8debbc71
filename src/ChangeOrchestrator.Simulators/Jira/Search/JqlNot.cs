namespace ChangeOrchestrator.Simulators.Jira.Search;

internal sealed record JqlNot(JqlExpression Inner) : JqlExpression;

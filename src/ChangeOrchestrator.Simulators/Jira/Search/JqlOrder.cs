namespace ChangeOrchestrator.Simulators.Jira.Search;

internal sealed record JqlOrder(string Field, bool Descending);

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

internal sealed record QueryOrder(string Field, bool Descending);

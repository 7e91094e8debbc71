namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>How many open findings of one severity stand in one SLA status.</summary>
internal sealed record SlaCountRow(string Severity, string Status, int Count);

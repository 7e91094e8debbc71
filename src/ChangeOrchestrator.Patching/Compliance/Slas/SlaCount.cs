namespace ChangeOrchestrator.Patching.Compliance.Slas;

/// <summary>How many open findings of one severity stand in one SLA status.</summary>
public sealed record SlaCount(string Severity, SlaStatus Status, int Count);

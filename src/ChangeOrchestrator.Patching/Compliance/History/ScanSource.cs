namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>
/// Which workflow step took a set of scans. A replayed step appends nothing twice: the history keeps one record per
/// workflow instance, activity and server.
/// </summary>
public sealed record ScanSource(string WorkflowInstanceId, string ActivityId, string DefinitionId);

namespace ChangeOrchestrator.Engine.Results;

/// <summary>A stored per-server list of an instance and how many items it holds.</summary>
public sealed record ResultListSummary(string Activity, string Name, int Count);

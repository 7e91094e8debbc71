namespace ChangeOrchestrator.Web.Designer;

/// <summary>Two versions of a workflow compared: which they are, their texts and their difference as a graph.</summary>
public sealed record VersionComparison(string FromLabel, string ToLabel, string FromText, string ToText, GraphDiff Diff);

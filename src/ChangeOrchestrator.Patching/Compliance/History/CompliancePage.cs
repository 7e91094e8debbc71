namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>One keyset page of a compliance list: its rows, how many rows the whole list holds, and the token of the next page (null on the last).</summary>
public sealed record CompliancePage<T>(IReadOnlyList<T> Items, int Total, string? Next);

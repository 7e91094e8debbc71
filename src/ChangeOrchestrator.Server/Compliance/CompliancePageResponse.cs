namespace ChangeOrchestrator.Server.Compliance;

/// <summary>One page of a compliance list: its rows, how many rows the whole list holds, and the <c>after</c> token of the next page (null on the last).</summary>
internal sealed record CompliancePageResponse<T>(IReadOnlyList<T> Items, int Total, string? Next);

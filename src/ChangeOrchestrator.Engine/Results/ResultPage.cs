namespace ChangeOrchestrator.Engine.Results;

/// <summary>One page of result items and the token of the next page (null on the last).</summary>
public sealed record ResultPage(IReadOnlyList<ResultItem> Items, string? Next);

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>One recorded scan of one server, for its history: counts and the ids of what it missed.</summary>
public sealed record ServerScanSummary
{
    public required DateTimeOffset ScannedAt { get; init; }

    public required string Operation { get; init; }

    public required string Source { get; init; }

    public string? BaselineId { get; init; }

    public required PatchStateCounts Counts { get; init; }

    public required IReadOnlyList<string> MissingPatchIds { get; init; }
}

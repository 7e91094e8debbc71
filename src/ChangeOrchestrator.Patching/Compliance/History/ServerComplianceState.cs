namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>A server's state at its last recorded scan.</summary>
public sealed record ServerComplianceState
{
    public required string ServerId { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    public string? OperatingSystem { get; init; }

    public string? BaselineId { get; init; }

    public required string Operation { get; init; }

    public required DateTimeOffset ScannedAt { get; init; }

    public required PatchStateCounts Counts { get; init; }

    public bool IsCompliant => Counts.IsCompliant;
}

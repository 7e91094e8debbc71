namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>One server's state after one scan, as the history keeps it.</summary>
public sealed record ServerScan
{
    /// <summary>The server (EC2 instance or managed node id).</summary>
    public required string ServerId { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    /// <summary>Windows, Linux or MacOS; null when the fleet did not say.</summary>
    public string? OperatingSystem { get; init; }

    public string? BaselineId { get; init; }

    public required PatchOperation Operation { get; init; }

    /// <summary>When the operation ended on the server: the time the state holds from.</summary>
    public required DateTimeOffset ScannedAt { get; init; }

    public required PatchStateCounts Counts { get; init; }

    public required IReadOnlyList<MissingPatch> MissingPatches { get; init; }
}

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>A patch missing on one server from the scan that first found it until the scan that found it gone.</summary>
public sealed record PatchFinding
{
    public required string ServerId { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    public string? OperatingSystem { get; init; }

    public required string PatchId { get; init; }

    public required string Title { get; init; }

    public string? Severity { get; init; }

    public string? Classification { get; init; }

    public DateTimeOffset? ReleaseDate { get; init; }

    public required IReadOnlyList<string> CveIds { get; init; }

    public required DateTimeOffset FirstSeenAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>The scan that found it gone; null while it is still missing.</summary>
    public DateTimeOffset? RemediatedAt { get; init; }

    /// <summary>The SLA clock starts at release, or when first seen if that is later (a server added after the release).</summary>
    public DateTimeOffset ClockStart => ReleaseDate is { } released && released > FirstSeenAt ? released : FirstSeenAt;
}

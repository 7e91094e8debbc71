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

    /// <summary>When the history first recorded the server; null on findings recorded before it was kept.</summary>
    public DateTimeOffset? ServerFirstSeenAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>The scan that found it gone; null while it is still missing.</summary>
    public DateTimeOffset? RemediatedAt { get; init; }

    /// <summary>
    /// The SLA clock starts at the vendor's release, or when the server was first seen if that is later (a server
    /// added after the release, or watched only since). A patch found days after its release on a server already
    /// watched (held back by the baseline's approval delay, or between scans) counts from its release: the SLA is
    /// the vendor's exposure window, not ours. Without a release date it starts when the patch was first found missing.
    /// </summary>
    public DateTimeOffset ClockStart => ClockStartOf(ReleaseDate, ServerFirstSeenAt, FirstSeenAt);

    /// <summary>The rule of <see cref="ClockStart"/>, for the history that keeps it with each finding.</summary>
    public static DateTimeOffset ClockStartOf(DateTimeOffset? releaseDate, DateTimeOffset? serverFirstSeenAt, DateTimeOffset firstSeenAt) =>
        releaseDate is not { } released ? firstSeenAt
        : (serverFirstSeenAt ?? firstSeenAt) is var watched && watched > released ? watched
        : released;
}

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>
/// A patch missing on one server from the scan that first found it to the scan that found it gone (table
/// <c>compliance_findings</c>): the SLA, top-missing and time-to-remediate reports read these, not the scans.
/// </summary>
internal sealed class ComplianceFindingRow
{
    public const int TitleLength = 500;

    public const int CveLength = 4000;

    public long Id { get; set; }

    public required string ServerId { get; set; }

    public required string PatchGroup { get; set; }

    public required string Environment { get; set; }

    public required string OperatingSystem { get; set; }

    public required string PatchId { get; set; }

    public required string Title { get; set; }

    public string? Severity { get; set; }

    public string? Classification { get; set; }

    public DateTimeOffset? ReleaseDate { get; set; }

    /// <summary>Comma-separated CVE ids.</summary>
    public required string CveIds { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>The server's first recorded scan when the finding opened (see <c>PatchFinding.ClockStart</c>).</summary>
    public DateTimeOffset? ServerFirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? RemediatedAt { get; set; }

    /// <summary>
    /// The SLA clock's start (<c>PatchFinding.ClockStart</c>) in UTC ticks. Kept as a number, fixed when the finding
    /// opens, so the due date, its order and the SLA status are integer arithmetic in SQL on PostgreSQL and SQLite alike.
    /// </summary>
    public long ClockStartTicks { get; set; }

    /// <summary>Ticks from the clock's start to the scan that found the patch gone (never below 0); null while it is missing.</summary>
    public long? RemediationTicks { get; set; }
}

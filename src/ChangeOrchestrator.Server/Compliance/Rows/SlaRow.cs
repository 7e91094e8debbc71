using System.Globalization;
using ChangeOrchestrator.Patching.Compliance.Slas;
using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>A missing patch on one server against its SLA, with the exception that covers it if any. The same shape in JSON and in CSV.</summary>
[CsvRecord]
internal sealed partial record SlaRow
{
    public required string Status { get; init; }

    public required string ServerId { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    public required string PatchId { get; init; }

    public required string Title { get; init; }

    public string? Severity { get; init; }

    public required string Cves { get; init; }

    public required DateTimeOffset FirstSeenAt { get; init; }

    public DateTimeOffset? ReleaseDate { get; init; }

    public required int AgeDays { get; init; }

    public int? SlaDays { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public string? ExceptionReason { get; init; }

    public string? ExceptionApprover { get; init; }

    public string? ExceptionExpires { get; init; }

    public static SlaRow Of(SlaFinding f) => new()
    {
        Status = f.Status.ToString(), ServerId = f.Finding.ServerId, PatchGroup = f.Finding.PatchGroup, Environment = f.Finding.Environment,
        PatchId = f.Finding.PatchId, Title = f.Finding.Title, Severity = f.Finding.Severity, Cves = string.Join(' ', f.Finding.CveIds),
        FirstSeenAt = f.Finding.FirstSeenAt, ReleaseDate = f.Finding.ReleaseDate, AgeDays = f.AgeDays, SlaDays = f.SlaDays, DueAt = f.DueAt,
        ExceptionReason = f.ExceptionReason, ExceptionApprover = f.ExceptionApprover,
        ExceptionExpires = f.ExceptionExpires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

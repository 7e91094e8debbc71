using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>One recorded scan of one server. The same shape in JSON and in CSV.</summary>
[CsvRecord]
internal sealed partial record HistoryRow
{
    public required DateTimeOffset ScannedAt { get; init; }

    public required string Operation { get; init; }

    public required string Source { get; init; }

    public string? BaselineId { get; init; }

    public required bool Compliant { get; init; }

    public required int Installed { get; init; }

    public required int InstalledPendingReboot { get; init; }

    public required int Missing { get; init; }

    public required int Failed { get; init; }

    public required int CriticalNonCompliant { get; init; }

    public required int SecurityNonCompliant { get; init; }

    public required string MissingPatches { get; init; }
}

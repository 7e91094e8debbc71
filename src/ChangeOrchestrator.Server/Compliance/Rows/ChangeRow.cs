using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>Patch changes of one week, desk and patch group. The same shape in JSON and in CSV.</summary>
[CsvRecord]
internal sealed partial record ChangeRow
{
    public required string Week { get; init; }

    public required string Desk { get; init; }

    public required string PatchGroup { get; init; }

    public required int Total { get; init; }

    public required int Successful { get; init; }

    public required int SuccessfulWithIssues { get; init; }

    public required int Unsuccessful { get; init; }

    public required double SuccessPercent { get; init; }

    public required int RolledBackServers { get; init; }

    public required double MedianDurationMinutes { get; init; }
}

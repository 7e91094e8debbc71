using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>One day of one patch group in the compliance trend. The same shape in JSON and in CSV.</summary>
[CsvRecord]
internal sealed partial record TrendRow
{
    public required string Day { get; init; }

    public required string PatchGroup { get; init; }

    public required int Servers { get; init; }

    public required int Compliant { get; init; }

    public required double CompliancePercent { get; init; }

    public required int CriticalNonCompliant { get; init; }

    public required int PendingReboot { get; init; }

    public required int MissingPatches { get; init; }
}

using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>Mean time to remediate one severity. The same shape in JSON and in CSV.</summary>
[CsvRecord]
internal sealed partial record RemediationRow
{
    public required string Severity { get; init; }

    public required int Remediated { get; init; }

    public required double MeanDays { get; init; }
}

using CsvHelper;

namespace ChangeOrchestrator.Server.Compliance.Rows;

/// <summary>A patch missing on the most servers, with its CVEs and servers. The same shape in JSON and in CSV.</summary>
[CsvRecord]
internal sealed partial record TopPatchRow
{
    public required string PatchId { get; init; }

    public required string Title { get; init; }

    public string? Severity { get; init; }

    public string? Classification { get; init; }

    public required string Cves { get; init; }

    public required int ServerCount { get; init; }

    public required string Servers { get; init; }
}

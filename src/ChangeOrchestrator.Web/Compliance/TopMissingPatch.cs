namespace ChangeOrchestrator.Web.Compliance;

/// <summary>A patch missing on the most servers, with its CVEs and servers (the API's <c>/api/compliance/top-patches</c> row).</summary>
public sealed record TopMissingPatch
{
    public required string PatchId { get; init; }

    public required string Title { get; init; }

    public string? Severity { get; init; }

    public string? Classification { get; init; }

    public required IReadOnlyList<string> Cves { get; init; }

    public required IReadOnlyList<string> Servers { get; init; }
}

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>A patch missing on the most servers, with its CVEs and the servers that miss it.</summary>
public sealed record TopMissingPatch
{
    public required string PatchId { get; init; }

    public required string Title { get; init; }

    public string? Severity { get; init; }

    public string? Classification { get; init; }

    public required IReadOnlyList<string> Cves { get; init; }

    /// <summary>Every server missing it, in id order.</summary>
    public required IReadOnlyList<string> Servers { get; init; }
}

namespace ChangeOrchestrator.Patching.Compliance;

/// <summary>A patch a server still needs: a KB on Windows, a package on Linux.</summary>
public sealed record MissingPatch
{
    /// <summary>KB id on Windows (KB5049983), package name and architecture on Linux (openssl.x86_64).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Classification { get; init; }

    public string? Severity { get; init; }

    public required MissingPatchState State { get; init; }

    public IReadOnlyList<string> CveIds { get; init; } = [];

    /// <summary>When the vendor released it, where the fleet reports it; the SLA clock starts then, or when first seen if later.</summary>
    public DateTimeOffset? ReleaseDate { get; init; }
}

namespace ChangeOrchestrator.Patching.Policies;

/// <summary>
/// An approved exception: a server (or every server, when null) may miss a patch or leave a CVE open until it
/// expires. An expired exception no longer counts.
/// </summary>
public sealed record PatchExemption
{
    /// <summary>Instance id, or null for every server.</summary>
    public string? Server { get; init; }

    /// <summary>KB id or package name; one of Patch and Cve is given.</summary>
    public string? Patch { get; init; }

    public string? Cve { get; init; }

    public required string Reason { get; init; }

    public required string Approver { get; init; }

    /// <summary>The last day it counts (UTC).</summary>
    public required DateOnly Expires { get; init; }

    public SourceLocation? Location { get; init; }

    public bool IsActive(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime) <= Expires;

    public bool Covers(string instanceId, string? patch, IEnumerable<string> cveIds, DateTimeOffset at) =>
        IsActive(at)
        && (Server is null || string.Equals(Server, instanceId, StringComparison.Ordinal))
        && ((Patch is not null && patch is not null && MatchesPatch(patch))
            || (Cve is not null && cveIds.Contains(Cve, StringComparer.OrdinalIgnoreCase)));

    // A trailing '*' names a family (openssl* covers openssl.x86_64 and openssl-libs.x86_64), as the policy files write it.
    private bool MatchesPatch(string patch) => Patch!.EndsWith('*')
        ? patch.StartsWith(Patch[..^1], StringComparison.OrdinalIgnoreCase)
        : string.Equals(Patch, patch, StringComparison.OrdinalIgnoreCase);
}

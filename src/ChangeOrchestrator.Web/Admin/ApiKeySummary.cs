namespace ChangeOrchestrator.Web.Admin;

/// <summary>An API key as an administrator sees it: never the key, nor its hash.</summary>
public sealed record ApiKeySummary
{
    /// <summary>The issued key's id; null for a key that comes from configuration.</summary>
    public string? Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary><c>database</c> (issued through the API or the console) or <c>configuration</c> (<c>Auth:ApiKeys</c>).</summary>
    public required string Source { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    /// <summary><c>active</c>, <c>expired</c> or <c>revoked</c>, at the time of reading.</summary>
    public required string State { get; init; }
}

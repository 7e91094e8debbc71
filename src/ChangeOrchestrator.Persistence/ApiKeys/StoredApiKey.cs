namespace ChangeOrchestrator.Persistence.ApiKeys;

/// <summary>An issued API key as the database holds it: its hash, never the key.</summary>
public sealed record StoredApiKey
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Sha256 { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }
}

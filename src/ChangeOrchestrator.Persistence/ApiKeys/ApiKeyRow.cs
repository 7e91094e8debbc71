namespace ChangeOrchestrator.Persistence.ApiKeys;

/// <summary>An API key issued through the API or the console: only the SHA-256 of the key is kept, never the key.</summary>
internal sealed class ApiKeyRow
{
    public const int NameLength = 100;
    public const int ActorLength = 200;

    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Lower-case hex SHA-256 of the key, unique: a presented key is found by its hash.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The roles, comma-separated (a handful of fixed names).</summary>
    public required string Roles { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }
}

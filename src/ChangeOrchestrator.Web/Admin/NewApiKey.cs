namespace ChangeOrchestrator.Web.Admin;

/// <summary>What an administrator asks for: a name (as the audit log will show the caller), roles, an optional expiry.</summary>
public sealed record NewApiKey
{
    public string? Name { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Persistence.ApiKeys;
using ChangeOrchestrator.Web.Admin;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Issues keys into the database (their hash only) and revokes them; lists them beside the configured ones. Used by
/// <c>/api/admin/api-keys</c> and by the console, which check the Admin role and write the audit entry themselves.
/// </summary>
internal sealed partial class ApiKeyAdministration(ApiKeyRegistry registry, IApiKeyStore store, TimeProvider time) : IApiKeyAdministration
{
    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var configured = registry.Configured().Select(k => new ApiKeySummary
        {
            Name = k.Name,
            Roles = k.Roles,
            Source = "configuration",
            ExpiresAt = k.ExpiresAt,
            State = k.ExpiresAt <= now ? "expired" : "active",
        });
        var issued = (await store.ListAsync(cancellationToken)).Select(k => Summary(k, now));
        return [.. configured, .. issued];
    }

    public async Task<ApiKeyIssue> CreateAsync(NewApiKey request, string createdBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = Validate(request, now);
        if (errors.Count > 0)
        {
            return new ApiKeyIssue { Errors = errors };
        }

        var name = request.Name!.Trim();
        var key = "co_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var stored = new StoredApiKey
        {
            Id = "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Name = name,
            Sha256 = ApiKeyRegistry.Hash(key),
            Roles = [.. request.Roles!.Distinct(StringComparer.Ordinal)],
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = request.ExpiresAt,
        };

        // A configured key of the same name would make the audit log ambiguous about who called.
        if (registry.Configured().Any(k => string.Equals(k.Name, name, StringComparison.Ordinal)) || !await store.AddAsync(stored, cancellationToken))
        {
            return new ApiKeyIssue { Errors = new Dictionary<string, string> { ["name"] = $"an active key is already named '{name}'" } };
        }

        return new ApiKeyIssue { Key = key, Summary = Summary(stored, now) };
    }

    public async Task<ApiKeySummary?> RevokeAsync(string id, string revokedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await store.RevokeAsync(id, revokedBy, now, cancellationToken);
        return revoked is null ? null : Summary(revoked, now);
    }

    private static Dictionary<string, string> Validate(NewApiKey request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = "is required (it names the caller in the audit log)";
        }
        else if (name.Length > MaxNameLength || !NamePattern().IsMatch(name))
        {
            errors["name"] = $"must be 1 to {MaxNameLength} letters, digits, '.', '_' or '-'";
        }

        if (request.Roles is not { Count: > 0 })
        {
            errors["roles"] = $"needs at least one of {string.Join(", ", Roles.All)}";
        }
        else if (request.Roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            errors["roles"] = $"'{unknown}' is not one of {string.Join(", ", Roles.All)}";
        }

        if (request.ExpiresAt is { } expiry && expiry <= now)
        {
            errors["expiresAt"] = $"{expiry:O} is not in the future";
        }

        return errors;
    }

    private static ApiKeySummary Summary(StoredApiKey key, DateTimeOffset now) => new()
    {
        Id = key.Id,
        Name = key.Name,
        Roles = key.Roles,
        Source = "database",
        CreatedAt = key.CreatedAt,
        CreatedBy = key.CreatedBy,
        ExpiresAt = key.ExpiresAt,
        RevokedAt = key.RevokedAt,
        RevokedBy = key.RevokedBy,
        State = key.RevokedAt is not null ? "revoked" : key.ExpiresAt <= now ? "expired" : "active",
    };

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();
}

using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.Persistence.ApiKeys;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// The keys the server accepts: the configured ones, the sandbox's generated admin key, and the keys issued through
/// <c>/api/admin/api-keys</c> or the console, which the database holds (by hash) for every node.
/// </summary>
internal sealed class ApiKeyRegistry(IOptions<AuthOptions> options, IServiceProvider services)
{
    // Absent when the server runs without a database (some tests compose it so): then only configured keys count.
    private readonly IApiKeyStore? _store = services.GetService<IApiKeyStore>();

    private readonly List<ApiKeyDefinition> _generated = [];
    private readonly Lock _lock = new();

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return options.Value.ApiKeys.Count == 0 && _generated.Count == 0;
            }
        }
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public void Add(ApiKeyDefinition definition)
    {
        lock (_lock)
        {
            _generated.Add(definition);
        }
    }

    /// <summary>The configured or generated keys, as they are now.</summary>
    public IReadOnlyList<ApiKeyDefinition> Configured()
    {
        lock (_lock)
        {
            return [.. options.Value.ApiKeys, .. _generated];
        }
    }

    /// <summary>
    /// The key presented: a configured one (compared in constant time), else an issued one that is not revoked. The
    /// issued keys are looked up by the hash of what was presented, which tells an attacker nothing about any key.
    /// </summary>
    public async Task<ApiKeyDefinition?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (Find(presentedKey) is { } configured)
        {
            return configured;
        }

        if (_store is null || await _store.FindActiveAsync(Hash(presentedKey), cancellationToken) is not { } issued)
        {
            return null;
        }

        return new ApiKeyDefinition { Name = issued.Name, Sha256 = issued.Sha256, Roles = [.. issued.Roles], ExpiresAt = issued.ExpiresAt };
    }

    /// <summary>The configured definition whose hash equals the presented key's, compared in constant time.</summary>
    public ApiKeyDefinition? Find(string presentedKey)
    {
        var presented = Convert.FromHexString(Hash(presentedKey));
        List<ApiKeyDefinition> candidates;
        lock (_lock)
        {
            candidates = [.. options.Value.ApiKeys, .. _generated];
        }

        ApiKeyDefinition? match = null;
        foreach (var candidate in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(candidate.Sha256)))
            {
                match ??= candidate;
            }
        }

        return match;
    }
}

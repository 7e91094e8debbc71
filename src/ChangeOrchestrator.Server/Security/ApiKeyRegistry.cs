using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>The keys the server accepts: the configured ones, plus the sandbox's generated admin key.</summary>
internal sealed class ApiKeyRegistry(IOptions<AuthOptions> options)
{
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

    /// <summary>The definition whose hash equals the presented key's, compared in constant time.</summary>
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

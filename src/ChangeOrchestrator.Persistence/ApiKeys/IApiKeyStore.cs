namespace ChangeOrchestrator.Persistence.ApiKeys;

/// <summary>API keys issued at run time, shared by every node through the database.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; false when a key that is not revoked already has the name.</summary>
    Task<bool> AddAsync(StoredApiKey key, CancellationToken cancellationToken);

    /// <summary>Every issued key, newest first, revoked ones included (they stay for the record).</summary>
    Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The key whose hash this is, unless revoked; expiry is the caller's to judge.</summary>
    Task<StoredApiKey?> FindActiveAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Revokes a key; the key as it now is, or null when no key has the id.</summary>
    Task<StoredApiKey?> RevokeAsync(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken);
}

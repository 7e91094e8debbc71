using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.ApiKeys;

internal sealed class EfApiKeyStore(IDbContextFactory<WorkflowDbContext> contexts) : IApiKeyStore
{
    public async Task<bool> AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ApiKeyRow>().AnyAsync(k => k.Name == key.Name && k.RevokedAt == null, cancellationToken))
        {
            return false;
        }

        db.Set<ApiKeyRow>().Add(new ApiKeyRow
        {
            Id = key.Id,
            Name = key.Name,
            Sha256 = key.Sha256,
            Roles = string.Join(',', key.Roles),
            CreatedAt = key.CreatedAt.ToUniversalTime(),
            CreatedBy = key.CreatedBy,
            ExpiresAt = key.ExpiresAt?.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ApiKeyRow>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Name, StringComparer.Ordinal).Select(ToKey)];
    }

    public async Task<StoredApiKey?> FindActiveAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<ApiKeyRow>().AsNoTracking().FirstOrDefaultAsync(k => k.Sha256 == sha256 && k.RevokedAt == null, cancellationToken);
        return row is null ? null : ToKey(row);
    }

    public async Task<StoredApiKey?> RevokeAsync(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var when = at.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Revoking twice keeps the first revocation: who ended the key, and when, is what the record needs.
        await db.Set<ApiKeyRow>().Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(r => r.RevokedAt, when).SetProperty(r => r.RevokedBy, revokedBy), cancellationToken);
        var row = await db.Set<ApiKeyRow>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        return row is null ? null : ToKey(row);
    }

    private static StoredApiKey ToKey(ApiKeyRow row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        Sha256 = row.Sha256,
        Roles = row.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries),
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
        ExpiresAt = row.ExpiresAt,
        RevokedAt = row.RevokedAt,
        RevokedBy = row.RevokedBy,
    };
}

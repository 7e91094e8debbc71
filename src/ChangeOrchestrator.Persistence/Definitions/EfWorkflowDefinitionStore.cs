using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ChangeOrchestrator.Persistence.Definitions;

/// <summary>
/// Published definition versions in the database. The model is read again from the stored JSON; because a version
/// never changes, parsed versions are cached, in a cache of fixed size so memory stays flat as versions pile up.
/// </summary>
internal sealed class EfWorkflowDefinitionStore : IWorkflowDefinitionStore, IDisposable
{
    private readonly IDbContextFactory<WorkflowDbContext> _contexts;
    private readonly WorkflowDefinitionLoader _loader;
    private readonly MemoryCache _parsed;

    // On PostgreSQL a start's commit checks that no newer version exists (PostgresBurstWriter), so the latest version
    // a node knows can serve its starts without a read. On SQLite (one node) the read is in process and stays.
    private readonly bool _latestKnownServesStarts;

    public EfWorkflowDefinitionStore(IDbContextFactory<WorkflowDbContext> contexts, WorkflowDefinitionLoader loader, PersistenceOptions options)
    {
        _contexts = contexts;
        _loader = loader;
        _parsed = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.DefinitionCacheSize });
        _latestKnownServesStarts = options.Provider == PersistenceProvider.Postgres;
    }

    public async Task<StoredDefinition?> FindLatestKnownAsync(string definitionId, CancellationToken cancellationToken)
    {
        if (_latestKnownServesStarts
            && _parsed.TryGetValue(LatestKey(definitionId), out int known)
            && _parsed.TryGetValue(CacheKey(definitionId, known), out StoredDefinition? cached))
        {
            return cached;
        }

        return await FindAsync(definitionId, null, cancellationToken);
    }

    public async Task<StoredDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v && _parsed.TryGetValue(CacheKey(definitionId, v), out StoredDefinition? cached))
        {
            return cached;
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<DefinitionRow>().Where(d => d.Id == definitionId);
        if (version is null)
        {
            // Every start asks for the latest version: ask for its number alone, and take the parsed version from the
            // cache when it is there, rather than reading the whole stored JSON back each time.
            var latest = await rows.OrderByDescending(d => d.Version).Select(d => (int?)d.Version).FirstOrDefaultAsync(cancellationToken);
            if (latest is not { } newest)
            {
                return null;
            }

            KnowLatest(definitionId, newest);

            if (_parsed.TryGetValue(CacheKey(definitionId, newest), out StoredDefinition? cachedLatest))
            {
                return cachedLatest;
            }

            version = newest;
        }

        var row = await rows.FirstOrDefaultAsync(d => d.Version == version, cancellationToken);
        return row is null ? null : Parse(row);
    }

    public async Task AddAsync(StoredDefinition definition, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.Set<DefinitionRow>().Add(new DefinitionRow
        {
            Id = definition.Definition.Id,
            Version = definition.Definition.Version,
            Name = definition.Definition.Name,
            Json = definition.Json,
            ContentHash = definition.ContentHash,
            PublishedAt = definition.PublishedAt.ToUniversalTime(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            KnowLatest(definition.Definition.Id, definition.Definition.Version);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new InvalidOperationException(
                $"Definition '{definition.Definition.Id}' version {definition.Definition.Version} exists already and cannot change.", ex);
        }
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<DefinitionRow>()
            .Where(d => d.Version == db.Set<DefinitionRow>().Where(o => o.Id == d.Id).Max(o => o.Version))
            .ToListAsync(cancellationToken);

        // Ordered here, not in SQL: the database's collation need not be ordinal.
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(Parse).ToList();
    }

    public void Dispose() => _parsed.Dispose();

    private StoredDefinition Parse(DefinitionRow row) =>
        _parsed.GetOrCreate(CacheKey(row.Id, row.Version), entry =>
        {
            entry.Size = 1;
            var loaded = _loader.Load(row.Json, $"{row.Id} v{row.Version}");
            var definition = loaded.Definition ?? throw new InvalidOperationException(
                $"Stored definition '{row.Id}' v{row.Version} no longer loads: {string.Join("; ", loaded.Errors)}");

            // The stored version is authoritative: the file's own "version" is only where publishing started counting.
            return new StoredDefinition(definition with { Version = row.Version }, row.Json, row.ContentHash, row.PublishedAt);
        })!;

    /// <summary>Remembers <paramref name="version"/> as the latest of the definition, unless a newer one is known already.</summary>
    private void KnowLatest(string definitionId, int version)
    {
        if (!_latestKnownServesStarts)
        {
            return;
        }

        lock (_parsed)
        {
            if (!_parsed.TryGetValue(LatestKey(definitionId), out int known) || known < version)
            {
                _parsed.Set(LatestKey(definitionId), version, new MemoryCacheEntryOptions { Size = 1 });
            }
        }
    }

    private static (string, int) CacheKey(string definitionId, int version) => (definitionId, version);

    private static LatestVersionKey LatestKey(string definitionId) => new(definitionId);

    /// <summary>The cache key of a definition's latest known version number, apart from the keys of parsed versions.</summary>
    private readonly record struct LatestVersionKey(string DefinitionId);
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Results;
using ChangeOrchestrator.Persistence.Stimuli;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// Instances, bookmarks and journals in the database. A context per call keeps the store a thread-safe singleton; a
/// burst is one transaction: on SQLite one <c>SaveChanges</c>, on PostgreSQL one batch of plain statements (see
/// <see cref="PostgresBurstWriter"/>).
/// </summary>
internal sealed class EfWorkflowInstanceStore(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IWorkflowInstanceStore
{
    // Every raised event looks its bookmarks up by kind and key: compiled once, not translated per call. Per store,
    // not static: a compiled query serves one model, and each provider's context has its own.
    private readonly Func<WorkflowDbContext, string, string, IAsyncEnumerable<BookmarkRow>> _waitingByKindAndKey =
        EF.CompileAsyncQuery<WorkflowDbContext, string, string, BookmarkRow>((db, kind, key) =>
            db.Set<BookmarkRow>().AsNoTracking()
                .Where(b => b.Kind == kind && b.Key == key && b.DueAt == null)
                .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id));

    private PostgresBurstWriter? _postgresWriter;
    private PostgresInstanceLoader? _postgresLoader;

    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<InstanceRow>().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return row?.ToInstance();
    }

    public async Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<BookmarkRow>()
            .Where(b => b.InstanceId == instanceId)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(b => b.ToStoredBookmark());
    }

    public async Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Provider == PersistenceProvider.Postgres)
        {
            var loader = _postgresLoader ??= PostgresInstanceLoader.For(db.Model);
            return await db.OnNpgsqlConnectionAsync(connection => loader.LoadAsync(connection, instanceId, cancellationToken), cancellationToken);
        }

        var row = await db.Set<InstanceRow>().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var bookmarks = await db.Set<BookmarkRow>()
            .Where(b => b.InstanceId == instanceId)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        return new LoadedInstance(row.ToInstance(), bookmarks.ConvertAll(b => b.ToStoredBookmark()));
    }

    public async Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string kind, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bookmarks = new List<StoredBookmark>();
        await foreach (var row in _waitingByKindAndKey(db, kind, key).WithCancellation(cancellationToken))
        {
            bookmarks.Add(row.ToStoredBookmark());
        }

        return bookmarks;
    }

    /// <remarks>Leaves out timers another node has claimed and not yet released (see <c>ITimerClaims</c>).</remarks>
    public async Task<IReadOnlyList<StoredBookmark>> FindDueBookmarksAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await DueTimers.Query(db, at)
            .OrderBy(b => b.DueAt).ThenBy(b => b.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(b => b.ToStoredBookmark());
    }

    public async Task<long> CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        var burst = commit.Burst;
        var instance = burst.Instance;
        var version = (commit.ExpectedVersion ?? 0) + 1;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = InstanceRow.From(instance, version);
        if (db.Provider == PersistenceProvider.Postgres)
        {
            await CommitOnPostgresAsync(db, commit, row, cancellationToken);
            return version;
        }

        if (commit.ExpectedVersion is { } expected)
        {
            // UPDATE ... WHERE id = @id AND version = @expected: the version is the concurrency token.
            var entry = db.Set<InstanceRow>().Attach(row);
            entry.Property(i => i.Version).OriginalValue = expected;
            foreach (var column in InstanceRow.BurstColumns)
            {
                entry.Property(column).IsModified = true;
            }

            if (commit.LeaseOwner is not null)
            {
                // The commit ends the burst: the lease goes back with it (the row's lease columns are null).
                entry.Property(i => i.LeaseOwner).IsModified = true;
                entry.Property(i => i.LeaseExpiresAt).IsModified = true;
            }
        }
        else
        {
            db.Set<InstanceRow>().Add(row);
        }

        // Deletes are checked to affect exactly one row: a bookmark or stimulus that is gone fails the whole commit.
        db.Set<BookmarkRow>().RemoveRange(burst.RemovedBookmarkIds.Distinct(StringComparer.Ordinal).Select(id => BookmarkRow.Stub(id, instance.Id)));
        db.Set<BookmarkRow>().AddRange(burst.AddedBookmarks.Select(BookmarkRow.From));
        if (burst.Journal.Count > 0)
        {
            db.Set<JournalBurstRow>().Add(JournalBurstRow.From(burst.Journal));
        }

        db.Set<PendingStimulusRow>().RemoveRange(commit.ConsumedStimulusIds.Distinct(StringComparer.Ordinal).Select(PendingStimulusRow.Stub));

        // The stimulus the burst applies is recorded as seen in the burst's own transaction: never before it took effect.
        // The per-server lists the burst produced are written in it too: a step is never committed without them.
        var results = burst.ResultLists;
        db.Set<StepResultRow>().AddRange(StepResultWrites.Inserts(instance.Id, results));
        await using var transaction = commit.Applied is null && results.Count == 0 ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var replacement in results)
            {
                await StepResultWrites.Covered(db.Set<StepResultRow>(), instance.Id, replacement).ExecuteDeleteAsync(cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (commit.Applied is { } applied)
            {
                await SeenStimulusUpsert.TakeAsync(db, applied.Id, applied.FirstReceivedAt, applied.ExpiresAt, time.GetUtcNow(), cancellationToken);
                await db.Set<PendingStimulusRow>().Where(p => p.Id == applied.Id).ExecuteDeleteAsync(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex.Entries.Any(e => e.Entity is PendingStimulusRow)
                ? InstanceConflicts.StimulusConsumed(instance.Id)
                : InstanceConflicts.Changed(instance.Id, commit.ExpectedVersion));
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new ConcurrencyConflictException(commit.ExpectedVersion is null
                ? InstanceConflicts.ExistsAlready(instance.Id)
                : InstanceConflicts.Changed(instance.Id, commit.ExpectedVersion));
        }

        return version;
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await JournalPages.ReadAsync(db, instanceId, afterSequence, limit, cancellationToken);
    }

    private async Task CommitOnPostgresAsync(WorkflowDbContext db, BurstCommit commit, InstanceRow row, CancellationToken cancellationToken)
    {
        // Every context of the store shares one model, so the statements built from it are built once.
        var writer = _postgresWriter ??= PostgresBurstWriter.For(db.Model);
        await db.OnNpgsqlConnectionAsync(connection => writer.CommitAsync(connection, commit, row, time.GetUtcNow(), cancellationToken), cancellationToken);
    }
}

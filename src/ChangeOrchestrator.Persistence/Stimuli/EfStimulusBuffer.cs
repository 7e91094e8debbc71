using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Stimuli;

/// <summary>Pending, seen and dead-lettered stimuli in the database; safe for concurrent callers on any number of nodes.</summary>
internal sealed class EfStimulusBuffer(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IStimulusBuffer
{
    private const int ExpiryBatchSize = 500;

    // Every raised event with an idempotency key asks this first: compiled once, not translated per call. Per store,
    // not static: a compiled query serves one model, and each provider's context has its own.
    private readonly Func<WorkflowDbContext, string, DateTimeOffset, CancellationToken, Task<SeenStimulusRow?>> _seenById =
        EF.CompileAsyncQuery((WorkflowDbContext db, string id, DateTimeOffset now, CancellationToken _) =>
            db.Set<SeenStimulusRow>().AsNoTracking().FirstOrDefault(s => s.Id == id && s.ExpiresAt > now));

    /// <remarks>
    /// Insert first: of two concurrent deliveries of one id only one insert succeeds. An id seen before is taken
    /// again only if its retention has ended, by an update that only one caller can win.
    /// </remarks>
    public async Task<bool> TryMarkSeenAsync(string stimulusId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var until = expiresAt.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Set<SeenStimulusRow>().Add(new SeenStimulusRow { Id = stimulusId, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }

        var now = time.GetUtcNow();
        var renewed = await db.Set<SeenStimulusRow>()
            .Where(s => s.Id == stimulusId && s.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, until), cancellationToken);
        return renewed == 1;
    }

    public async Task<SeenStimulus?> FindSeenAsync(string stimulusId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await _seenById(db, stimulusId, now, cancellationToken);
        return row is null ? null : new SeenStimulus(row.FirstAppliedAt);
    }

    /// <remarks>The seen row first: of two concurrent deliveries of one id only one takes it, and only that one buffers.</remarks>
    public async Task<bool> AddPendingAsync(Stimulus stimulus, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await SeenStimulusUpsert.TakeAsync(db, stimulus.Id, firstAppliedAt: null, expiresAt, time.GetUtcNow(), cancellationToken) == 0)
        {
            return false;
        }

        db.Set<PendingStimulusRow>().Add(PendingStimulusRow.From(stimulus, expiresAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Still pending from a delivery whose seen row ran out: the first copy stays.
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Stimulus>> FindPendingAsync(string kind, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PendingStimulusRow>()
            .Where(s => s.Kind == kind && s.Key == key)
            .OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(s => s.ToStimulus());
    }

    /// <remarks>
    /// In batches, each one transaction that deletes the expired rows and writes their dead letters. A row consumed by
    /// a burst in the meantime makes its delete affect no row; the batch is then rolled back and read again.
    /// </remarks>
    public async Task<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        var moved = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var expired = await db.Set<PendingStimulusRow>()
                .Where(s => s.ExpiresAt <= at)
                .OrderBy(s => s.ExpiresAt).ThenBy(s => s.Id)
                .Take(ExpiryBatchSize)
                .ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                break;
            }

            db.Set<PendingStimulusRow>().RemoveRange(expired);
            db.Set<DeadLetteredStimulusRow>().AddRange(expired.Select(s => DeadLetteredStimulusRow.From(s, at)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                moved += expired.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Consumed while this batch was read: read the batch again without it.
            }
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Set<SeenStimulusRow>().Where(s => s.ExpiresAt <= at).ExecuteDeleteAsync(cancellationToken);
        }

        return moved;
    }
}

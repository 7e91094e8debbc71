using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.SideEffects;

internal sealed class EfSideEffectLedger(IDbContextFactory<WorkflowDbContext> contexts) : ISideEffectLedger
{
    public async Task<SideEffectRecord> RecordAsync(SideEffectRecord record, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.SideEffects.Add(SideEffectRow.From(record));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return record;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Recorded before (a re-run after a crash, or a concurrent attempt): the first record stands.
            }
        }

        return await FindAsync(record.IdempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException($"Side effect '{record.IdempotencyKey}' conflicted on insert but is not stored.");
    }

    public async Task<SideEffectRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SideEffects.FirstOrDefaultAsync(s => s.IdempotencyKey == idempotencyKey, cancellationToken);
        return row?.ToRecord();
    }
}

using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Drafts;

internal sealed class EfDraftStore(IDbContextFactory<WorkflowDbContext> contexts) : IDraftStore
{
    public async Task<StoredDraft?> FindAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<DraftRow>().AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId, cancellationToken);
        return row is null ? null : ToDraft(row);
    }

    public async Task<IReadOnlyList<StoredDraft>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<DraftRow>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.DefinitionId, StringComparer.Ordinal).Select(ToDraft)];
    }

    public async Task<StoredDraft?> SaveAsync(
        string definitionId, string json, int expectedRevision, int? baseVersion, string savedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var when = at.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (expectedRevision == 0)
        {
            db.Set<DraftRow>().Add(new DraftRow { DefinitionId = definitionId, Json = json, Revision = 1, BaseVersion = baseVersion, SavedBy = savedBy, SavedAt = when });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone saved the first draft of this workflow in between: theirs stands, this save is stale.
                return null;
            }

            return new StoredDraft(definitionId, json, 1, baseVersion, savedBy, when);
        }

        // One conditional update: the revision check and the write are a single statement, so two saves from the
        // same revision cannot both win.
        var updated = await db.Set<DraftRow>()
            .Where(d => d.DefinitionId == definitionId && d.Revision == expectedRevision)
            .ExecuteUpdateAsync(
                d => d.SetProperty(r => r.Json, json).SetProperty(r => r.Revision, expectedRevision + 1)
                    .SetProperty(r => r.BaseVersion, baseVersion).SetProperty(r => r.SavedBy, savedBy).SetProperty(r => r.SavedAt, when),
                cancellationToken);
        return updated == 1 ? new StoredDraft(definitionId, json, expectedRevision + 1, baseVersion, savedBy, when) : null;
    }

    public async Task DeleteAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<DraftRow>().Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
    }

    private static StoredDraft ToDraft(DraftRow row) => new(row.DefinitionId, row.Json, row.Revision, row.BaseVersion, row.SavedBy, row.SavedAt);
}

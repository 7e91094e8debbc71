using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Leases;

/// <summary>
/// Claims on SQLite, a single node: one UPDATE that picks the due timers and stamps them. SQLite runs one writer at
/// a time and a write statement takes the write lock before it reads, so two claims in one process never overlap.
/// </summary>
internal sealed class SqliteTimerClaims(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : ITimerClaims
{
    public async Task<IReadOnlyList<StoredBookmark>> ClaimDueAsync(string owner, TimeSpan claimFor, int limit, CancellationToken cancellationToken)
    {
        // Raw SQL parameters bypass the model's value converters: instants are passed as the stored UTC ticks.
        var at = time.GetUtcNow();
        var now = at.UtcTicks;
        var until = (at + claimFor).UtcTicks;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<BookmarkRow>().FromSql(
            $"""
            UPDATE bookmarks
            SET claimed_by = {owner}, claimed_until = {until}
            WHERE id IN (
                SELECT b.id
                FROM bookmarks b
                JOIN workflow_instances i ON i.id = b.instance_id
                WHERE b.due_at <= {now}
                  AND (b.claimed_until IS NULL OR b.claimed_until <= {now})
                  AND i.status NOT IN ({nameof(InstanceStatus.Faulted)}, {nameof(InstanceStatus.Completed)}, {nameof(InstanceStatus.Cancelled)})
                ORDER BY b.due_at, b.id
                LIMIT {limit})
            RETURNING *
            """).ToListAsync(cancellationToken);
        return rows.OrderBy(b => b.DueAt).ThenBy(b => b.Id, StringComparer.Ordinal).Select(b => b.ToStoredBookmark()).ToList();
    }

    public async Task RenewAsync(string owner, IReadOnlyCollection<string> bookmarkIds, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        if (bookmarkIds.Count == 0)
        {
            return;
        }

        var until = time.GetUtcNow() + claimFor;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<BookmarkRow>()
            .Where(b => b.ClaimedBy == owner && bookmarkIds.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimedUntil, (DateTimeOffset?)until), cancellationToken);
    }

    public Task ReleaseAsync(string owner, IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken) =>
        TimerClaimRelease.ReleaseAsync(contexts, owner, bookmarkIds, cancellationToken);
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Leases;

/// <summary>
/// Claims on PostgreSQL, for any number of nodes: one statement that locks the due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (rows another node is claiming right now are passed over, not waited for) and stamps
/// the claim on them. The statement is its own short transaction; after it, the stamp keeps other nodes off. The
/// injected clock is the database's on a server (<c>DatabaseClock</c>): a node with a wrong clock claims nothing early.
/// </summary>
internal sealed class PostgresTimerClaims(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : ITimerClaims
{
    private static readonly string[] StoppedStatuses =
        [nameof(InstanceStatus.Faulted), nameof(InstanceStatus.Completed), nameof(InstanceStatus.Cancelled)];

    public async Task<IReadOnlyList<StoredBookmark>> ClaimDueAsync(string owner, TimeSpan claimFor, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + claimFor;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<BookmarkRow>().FromSql(
            $"""
            WITH due AS (
                SELECT b.id
                FROM bookmarks b
                JOIN workflow_instances i ON i.id = b.instance_id
                WHERE b.due_at <= {now}
                  AND (b.claimed_until IS NULL OR b.claimed_until <= {now})
                  AND i.status <> ALL ({StoppedStatuses})
                ORDER BY b.due_at, b.id
                LIMIT {limit}
                FOR UPDATE OF b SKIP LOCKED
            )
            UPDATE bookmarks AS b
            SET claimed_by = {owner}, claimed_until = {until}
            FROM due
            WHERE b.id = due.id
            RETURNING b.*
            """).ToListAsync(cancellationToken);
        return rows.OrderBy(b => b.DueAt).ThenBy(b => b.Id, StringComparer.Ordinal).Select(b => b.ToStoredBookmark()).ToList();
    }

    public async Task RenewAsync(string owner, IReadOnlyCollection<string> bookmarkIds, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        if (bookmarkIds.Count == 0)
        {
            return;
        }

        var ids = bookmarkIds.ToArray();
        var until = time.GetUtcNow() + claimFor;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE bookmarks SET claimed_until = {until} WHERE claimed_by = {owner} AND id = ANY({ids})", cancellationToken);
    }

    public Task ReleaseAsync(string owner, IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken) =>
        TimerClaimRelease.ReleaseAsync(contexts, owner, bookmarkIds, cancellationToken);
}

using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Webhooks;

/// <summary>
/// The inbox in the workflow database. Deduplication is the unique index on (source, dedupe key): of two concurrent
/// deliveries with one key only one insert succeeds. Claims follow the timer claims: <c>FOR UPDATE SKIP LOCKED</c> on
/// PostgreSQL, one self-locking UPDATE on SQLite.
/// </summary>
internal sealed class EfWebhookInbox(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IWebhookInbox
{
    private const string PendingStatus = nameof(WebhookInboxStatus.Pending);

    public async Task<bool> AcceptAsync(WebhookInboxEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Set<WebhookInboxRow>().Add(new WebhookInboxRow
        {
            Id = entry.Id,
            Source = entry.Source,
            DedupeKey = entry.DedupeKey,
            Status = WebhookInboxStatus.Pending,
            Body = entry.Body,
            RemoteIp = entry.RemoteIp,
            ReceivedAt = entry.ReceivedAt.ToUniversalTime(),
            ExpiresAt = entry.ExpiresAt.ToUniversalTime(),
            NextAttemptAt = entry.ReceivedAt.ToUniversalTime(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task RecordRejectedAsync(RejectedWebhook rejected, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Set<WebhookInboxRow>().Add(new WebhookInboxRow
        {
            Id = rejected.Id,
            Source = rejected.Source,
            Status = WebhookInboxStatus.Rejected,
            RemoteIp = rejected.RemoteIp,
            RejectionReason = rejected.Reason,
            ReceivedAt = rejected.At.ToUniversalTime(),
            ExpiresAt = rejected.ExpiresAt.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookInboxItem>> ClaimAsync(string owner, TimeSpan claimFor, int limit, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Provider == PersistenceProvider.Postgres
            ? await ClaimOnPostgresAsync(db, owner, at, at + claimFor, limit, cancellationToken)
            : await ClaimOnSqliteAsync(db, owner, at, at + claimFor, limit, cancellationToken);
        return rows
            .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new WebhookInboxItem(r.Id, r.Source, r.Body ?? string.Empty, r.Attempts, r.ReceivedAt))
            .ToList();
    }

    public async Task RenewClaimsAsync(string owner, IReadOnlyCollection<string> ids, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var until = time.GetUtcNow() + claimFor;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<WebhookInboxRow>()
            .Where(w => w.ClaimedBy == owner && w.Status == WebhookInboxStatus.Pending && ids.Contains(w.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)until), cancellationToken);
    }

    public async Task<bool> CompleteAsync(string id, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Set<WebhookInboxRow>()
            .Where(w => w.Id == id && w.ClaimedBy == owner && w.Status == WebhookInboxStatus.Pending)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(w => w.Status, WebhookInboxStatus.Processed)
                    .SetProperty(w => w.ProcessedAt, now)
                    .SetProperty(w => w.NextAttemptAt, (DateTimeOffset?)null)
                    .SetProperty(w => w.ClaimedBy, (string?)null)
                    .SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null),
                cancellationToken);
        return updated == 1;
    }

    public async Task<bool> FailAsync(string id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var status = retryAt is null ? WebhookInboxStatus.Parked : WebhookInboxStatus.Pending;
        var next = retryAt?.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Set<WebhookInboxRow>()
            .Where(w => w.Id == id && w.ClaimedBy == owner && w.Status == WebhookInboxStatus.Pending)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(w => w.Status, status)
                    .SetProperty(w => w.LastError, error)
                    .SetProperty(w => w.NextAttemptAt, next)
                    .SetProperty(w => w.ClaimedBy, (string?)null)
                    .SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null),
                cancellationToken);
        return updated == 1;
    }

    public async Task<(int Depth, DateTimeOffset? Oldest)> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = db.Set<WebhookInboxRow>().Where(w => w.Status == WebhookInboxStatus.Pending);
        var depth = await pending.CountAsync(cancellationToken);
        var oldest = depth == 0 ? null : await pending.MinAsync(w => (DateTimeOffset?)w.ReceivedAt, cancellationToken);
        return (depth, oldest);
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookInboxRow>()
            .Where(w => w.ExpiresAt <= at && (w.Status == WebhookInboxStatus.Processed || w.Status == WebhookInboxStatus.Rejected))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <remarks>The injected clock is the database's on a server (<c>DatabaseClock</c>), so a node with a wrong clock never takes a live claim.</remarks>
    private static Task<List<WebhookInboxRow>> ClaimOnPostgresAsync(
        WorkflowDbContext db, string owner, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        db.Set<WebhookInboxRow>().FromSql(
            $"""
            WITH due AS (
                SELECT id
                FROM webhook_inbox
                WHERE status = {PendingStatus}
                  AND next_attempt_at <= {now}
                  AND (claimed_until IS NULL OR claimed_until <= {now})
                ORDER BY next_attempt_at, id
                LIMIT {limit}
                FOR UPDATE SKIP LOCKED
            )
            UPDATE webhook_inbox AS w
            SET claimed_by = {owner}, claimed_until = {until}, attempts = w.attempts + 1
            FROM due
            WHERE w.id = due.id
            RETURNING w.*
            """).ToListAsync(cancellationToken);

    /// <remarks>
    /// SQLite runs one writer at a time and the UPDATE takes the write lock before it reads, so two claims never
    /// overlap. Raw SQL parameters bypass the model's value converters: instants are passed as the stored UTC ticks.
    /// </remarks>
    private static Task<List<WebhookInboxRow>> ClaimOnSqliteAsync(
        WorkflowDbContext db, string owner, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken cancellationToken)
    {
        var nowTicks = now.UtcTicks;
        var untilTicks = until.UtcTicks;
        return db.Set<WebhookInboxRow>().FromSql(
            $"""
            UPDATE webhook_inbox
            SET claimed_by = {owner}, claimed_until = {untilTicks}, attempts = attempts + 1
            WHERE id IN (
                SELECT id
                FROM webhook_inbox
                WHERE status = {PendingStatus}
                  AND next_attempt_at <= {nowTicks}
                  AND (claimed_until IS NULL OR claimed_until <= {nowTicks})
                ORDER BY next_attempt_at, id
                LIMIT {limit})
            RETURNING *
            """).ToListAsync(cancellationToken);
    }
}

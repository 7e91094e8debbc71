using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence.Stimuli;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Recovery;

/// <summary>
/// The reconciler's queries. "Now" is the injected clock, which a server on PostgreSQL corrects to the database's
/// (<c>DatabaseClock</c>). Every release is conditional on the row still being as it was found, so two reconcilers
/// never both act.
/// </summary>
internal sealed class EfRecoveryStore(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IRecoveryStore
{
    public async Task<IReadOnlyList<Recovery>> ReleaseExpiredLeasesAsync(TimeSpan expiredFor, int limit, CancellationToken cancellationToken)
    {
        var recovered = new List<Recovery>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = time.GetUtcNow() - expiredFor;
        var expired = await db.Set<InstanceRow>().AsNoTracking()
            .Where(i => i.LeaseOwner != null && i.LeaseExpiresAt <= cutoff)
            .OrderBy(i => i.LeaseExpiresAt)
            .Take(limit)
            .Select(i => new { i.Id, i.LeaseOwner, i.LeaseExpiresAt })
            .ToListAsync(cancellationToken);
        foreach (var lease in expired)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var released = await db.Set<InstanceRow>()
                .Where(i => i.Id == lease.Id && i.LeaseOwner == lease.LeaseOwner && i.LeaseExpiresAt == lease.LeaseExpiresAt)
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(i => i.LeaseOwner, (string?)null)
                        .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(i => i.JournalSequence, i => i.JournalSequence + 1)
                        .SetProperty(i => i.Version, i => i.Version + 1),
                    cancellationToken);
            if (released == 0)
            {
                continue;
            }

            await AppendJournalAsync(
                db, lease.Id, $"Recovered: the lease of node {lease.LeaseOwner} ran out mid-burst; the instance is free for any node.",
                Recovery.ExpiredLease, lease.LeaseOwner, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            recovered.Add(new Recovery(Recovery.ExpiredLease, lease.Id, lease.LeaseOwner));
        }

        return recovered;
    }

    public async Task<IReadOnlyList<Recovery>> ReleaseStuckTimersAsync(TimeSpan longestClaim, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var horizon = now + longestClaim;
        var stuck = await db.Set<BookmarkRow>().AsNoTracking()
            .Where(b => b.DueAt <= now && b.ClaimedBy != null && (b.ClaimedUntil <= now || b.ClaimedUntil > horizon))
            .OrderBy(b => b.DueAt)
            .Take(limit)
            .Select(b => new { b.Id, b.InstanceId, b.ActivityId, b.ClaimedBy, b.ClaimedUntil })
            .ToListAsync(cancellationToken);
        var recovered = new List<Recovery>();
        foreach (var claim in stuck)
        {
            // The release and its journal entry commit together: a recovery is never done without being written down.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var released = await db.Set<BookmarkRow>()
                .Where(b => b.Id == claim.Id && b.ClaimedBy == claim.ClaimedBy && b.ClaimedUntil == claim.ClaimedUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimedBy, (string?)null).SetProperty(b => b.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            if (released != 1)
            {
                continue;
            }

            // The version moves on as for any change to the instance, so a burst that read it before cannot commit over the entry.
            await db.Set<InstanceRow>()
                .Where(i => i.Id == claim.InstanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.JournalSequence, i => i.JournalSequence + 1).SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
            var why = claim.ClaimedUntil <= now ? "ran out before it fired" : "reached further ahead than any live claim can";
            await AppendJournalAsync(
                db, claim.InstanceId, $"Recovered: the claim of node {claim.ClaimedBy} on the due timer of {claim.ActivityId} {why}; any node fires it now.",
                Recovery.StuckTimer, claim.ClaimedBy, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            recovered.Add(new Recovery(Recovery.StuckTimer, claim.Id, claim.ClaimedBy));
        }

        return recovered;
    }

    public async Task<IReadOnlyList<Recovery>> ReleaseStuckDeliveriesAsync(TimeSpan longestClaim, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var horizon = now + longestClaim;
        var stuck = await db.Set<WebhookInboxRow>().AsNoTracking()
            .Where(w => w.Status == WebhookInboxStatus.Pending && w.ClaimedBy != null && (w.ClaimedUntil <= now || w.ClaimedUntil > horizon))
            .OrderBy(w => w.ClaimedUntil)
            .Take(limit)
            .Select(w => new { w.Id, w.ClaimedBy, w.ClaimedUntil })
            .ToListAsync(cancellationToken);
        var recovered = new List<Recovery>();
        foreach (var claim in stuck)
        {
            // A delivery belongs to no instance until it is processed, so the recovery is written on the delivery itself.
            var error = claim.ClaimedUntil <= now
                ? $"Recovered: the claim of node {claim.ClaimedBy} ran out before the delivery was processed."
                : $"Recovered: the claim of node {claim.ClaimedBy} reached further ahead than any live claim can; the delivery is free for any node.";
            var released = await db.Set<WebhookInboxRow>()
                .Where(w => w.Id == claim.Id && w.ClaimedBy == claim.ClaimedBy && w.ClaimedUntil == claim.ClaimedUntil && w.Status == WebhookInboxStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(w => w.ClaimedBy, (string?)null)
                        .SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null)
                        .SetProperty(w => w.LastError, error),
                    cancellationToken);
            if (released == 1)
            {
                recovered.Add(new Recovery(Recovery.StuckDelivery, claim.Id, claim.ClaimedBy));
            }
        }

        return recovered;
    }

    /// <summary>Writes the recovery on the instance's journal at the sequence the caller has just reserved (moved on by one).</summary>
    private async Task AppendJournalAsync(WorkflowDbContext db, string instanceId, string message, string kind, string? node, CancellationToken cancellationToken)
    {
        var sequence = await db.Set<InstanceRow>().Where(i => i.Id == instanceId).Select(i => i.JournalSequence).SingleAsync(cancellationToken);
        db.Set<JournalBurstRow>().Add(JournalBurstRow.From(
        [
            new JournalEntry(
                instanceId,
                sequence,
                time.GetUtcNow(),
                JournalEntryType.Message,
                ActivityId: null,
                message,
                new System.Text.Json.Nodes.JsonObject { ["recovery"] = kind, ["node"] = node }),
        ]));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string Id, string Kind, string Key)>> FindStrandedStimuliAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = time.GetUtcNow() - olderThan;
        var stranded = await db.Set<PendingStimulusRow>().AsNoTracking()
            .Where(s => s.ReceivedAt <= before && db.Set<BookmarkRow>().Any(b => b.Kind == s.Kind && b.Key == s.Key && b.DueAt == null))
            .OrderBy(s => s.ReceivedAt)
            .Take(limit)
            .Select(s => new { s.Id, s.Kind, s.Key })
            .ToListAsync(cancellationToken);
        return stranded.ConvertAll(s => (s.Id, s.Kind, s.Key));
    }
}

using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Leases;

/// <summary>
/// Leases as one conditional UPDATE each: the database decides who wins. On PostgreSQL the instants come from the
/// database's <c>now()</c>, so the nodes' clocks never take part; SQLite serves one node, whose clock is the only one.
/// </summary>
internal sealed class EfInstanceLeases(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IInstanceLeases
{
    public async Task<bool> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Provider == PersistenceProvider.Postgres)
        {
            return await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE workflow_instances SET lease_owner = {owner}, lease_expires_at = now() + {duration}
                WHERE id = {instanceId} AND (lease_owner IS NULL OR lease_owner = {owner} OR lease_expires_at IS NULL OR lease_expires_at <= now())
                """, cancellationToken) == 1;
        }

        var now = time.GetUtcNow();
        var until = now + duration;
        var taken = await db.Instances
            .Where(i => i.Id == instanceId && (i.LeaseOwner == null || i.LeaseOwner == owner || i.LeaseExpiresAt == null || i.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, owner).SetProperty(i => i.LeaseExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    public async Task<bool> RenewAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Provider == PersistenceProvider.Postgres)
        {
            return await db.Database.ExecuteSqlAsync(
                $"UPDATE workflow_instances SET lease_expires_at = now() + {duration} WHERE id = {instanceId} AND lease_owner = {owner}",
                cancellationToken) == 1;
        }

        var until = time.GetUtcNow() + duration;
        var renewed = await db.Instances
            .Where(i => i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseExpiresAt, until), cancellationToken);
        return renewed == 1;
    }

    public async Task ReleaseAsync(string instanceId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Instances
            .Where(i => i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }
}

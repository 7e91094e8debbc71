using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Leases;

/// <summary>
/// Leases as one conditional UPDATE each: the database decides who wins. The instants come from the injected clock,
/// which a server on PostgreSQL corrects to the database's (<c>DatabaseClock</c>), so a node whose own clock is wrong
/// neither steals a live lease nor keeps a dead one; SQLite serves one node, whose clock is the only one.
/// </summary>
internal sealed class EfInstanceLeases(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IInstanceLeases
{
    private PostgresLeaseTake? _postgresTake;

    public async Task<bool> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Provider == PersistenceProvider.Postgres)
        {
            var take = _postgresTake ??= PostgresLeaseTake.For(db.Model);
            return await db.OnNpgsqlConnectionAsync(connection => take.TryAsync(connection, instanceId, owner, now, until, cancellationToken), cancellationToken);
        }

        var taken = await db.Set<InstanceRow>()
            .Where(i => i.Id == instanceId && (i.LeaseOwner == null || i.LeaseOwner == owner || i.LeaseExpiresAt == null || i.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, owner).SetProperty(i => i.LeaseExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    public async Task<bool> RenewAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Set<InstanceRow>()
            .Where(i => i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseExpiresAt, until), cancellationToken);
        return renewed == 1;
    }

    public async Task ReleaseAsync(string instanceId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<InstanceRow>()
            .Where(i => i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }
}

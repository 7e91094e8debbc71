using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Leases;

/// <summary>
/// The lease's take and the instance's read as one batch on PostgreSQL: one round trip and one implicit transaction,
/// whose SELECTs see the row as the take left it (and locked it). The instants come from the same clock as
/// <see cref="EfInstanceLeases"/>' own, so both kinds of take agree on who holds a lease.
/// </summary>
internal sealed class PostgresInstanceLeaseLoads(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IInstanceLeaseLoads
{
    private PostgresLeaseTake? _take;
    private PostgresInstanceLoader? _loader;

    public async Task<LoadedInstance?> TryAcquireLoadingAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var take = _take ??= PostgresLeaseTake.For(db.Model);
        var loader = _loader ??= PostgresInstanceLoader.For(db.Model);
        return await db.OnNpgsqlConnectionAsync(
            async connection =>
            {
                await using var batch = new NpgsqlBatch(connection);
                var taking = take.Command(instanceId, owner, now, now + duration);
                batch.BatchCommands.Add(taking);
                loader.AddTo(batch, instanceId);

                // The take returns no rows: the reader starts on the instance's SELECT, the take's count already read.
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                var loaded = await PostgresInstanceLoader.ReadAsync(reader, cancellationToken);
                return taking.RecordsAffected == 1 ? loaded : null;
            },
            cancellationToken);
    }
}

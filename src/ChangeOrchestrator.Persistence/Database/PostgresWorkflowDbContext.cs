using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>The workflow tables on PostgreSQL: timestamps are <c>timestamptz</c> (microseconds, UTC).</summary>
internal sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public override PersistenceProvider Provider => PersistenceProvider.Postgres;
}

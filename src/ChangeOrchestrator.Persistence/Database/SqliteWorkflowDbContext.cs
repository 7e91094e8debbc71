using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>The workflow tables in a SQLite file.</summary>
internal sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options)
{
    public override PersistenceProvider Provider => PersistenceProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no timestamp type and EF cannot compare or order DateTimeOffset text there; UTC ticks can be both.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// The workflow tables. One subclass per provider, because each provider has its own migrations and its own
/// representation of a few types; the stores see only this base.
/// </summary>
internal abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring shared by the nodes (see <c>DatabaseXmlRepository</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract PersistenceProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Each feature folder configures its own tables; the context only collects them, so it knows none by name.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        SnakeCaseNames.Apply(modelBuilder);
    }
}

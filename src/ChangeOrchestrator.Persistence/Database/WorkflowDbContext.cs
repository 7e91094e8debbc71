using ChangeOrchestrator.Persistence.ApiKeys;
using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Persistence.Compliance;
using ChangeOrchestrator.Persistence.Definitions;
using ChangeOrchestrator.Persistence.Drafts;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence.Results;
using ChangeOrchestrator.Persistence.Sessions;
using ChangeOrchestrator.Persistence.Stimuli;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// The workflow tables. One subclass per provider, because each provider has its own migrations and its own
/// representation of a few types; the stores see only this base.
/// </summary>
internal abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();

    public DbSet<InstanceRow> Instances => Set<InstanceRow>();

    public DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();

    public DbSet<JournalRow> Journal => Set<JournalRow>();

    public DbSet<StepResultRow> StepResults => Set<StepResultRow>();

    public DbSet<PendingStimulusRow> PendingStimuli => Set<PendingStimulusRow>();

    public DbSet<DeadLetteredStimulusRow> DeadLetteredStimuli => Set<DeadLetteredStimulusRow>();

    public DbSet<SeenStimulusRow> SeenStimuli => Set<SeenStimulusRow>();

    public DbSet<AuditRow> AuditLog => Set<AuditRow>();

    public DbSet<WebhookInboxRow> WebhookInbox => Set<WebhookInboxRow>();

    public DbSet<LoginSessionRow> LoginSessions => Set<LoginSessionRow>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<DraftRow> Drafts => Set<DraftRow>();

    /// <summary>The data-protection key ring shared by the nodes (see <c>DatabaseXmlRepository</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract PersistenceProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder
            .ApplyConfiguration(new DefinitionRowConfiguration())
            .ApplyConfiguration(new InstanceRowConfiguration())
            .ApplyConfiguration(new BookmarkRowConfiguration())
            .ApplyConfiguration(new JournalRowConfiguration())
            .ApplyConfiguration(new StepResultRowConfiguration())
            .ApplyConfiguration(new PendingStimulusRowConfiguration())
            .ApplyConfiguration(new DeadLetteredStimulusRowConfiguration())
            .ApplyConfiguration(new SeenStimulusRowConfiguration())
            .ApplyConfiguration(new AuditRowConfiguration())
            .ApplyConfiguration(new WebhookInboxRowConfiguration())
            .ApplyConfiguration(new LoginSessionRowConfiguration())
            .ApplyConfiguration(new ApiKeyRowConfiguration())
            .ApplyConfiguration(new ComplianceScanRowConfiguration())
            .ApplyConfiguration(new ComplianceServerRowConfiguration())
            .ApplyConfiguration(new ComplianceFindingRowConfiguration())
            .ApplyConfiguration(new ComplianceDailyRowConfiguration())
            .ApplyConfiguration(new ChangeResultRowConfiguration())
            .ApplyConfiguration(new DraftRowConfiguration());
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        SnakeCaseNames.Apply(modelBuilder);
    }
}

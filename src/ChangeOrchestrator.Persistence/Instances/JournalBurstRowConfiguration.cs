using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Instances;

internal sealed class JournalBurstRowConfiguration : IEntityTypeConfiguration<JournalBurstRow>
{
    public void Configure(EntityTypeBuilder<JournalBurstRow> builder)
    {
        builder.ToTable("journal_bursts");

        // Keyed by the last sequence: a page after sequence n starts at the first row whose last entry is past n,
        // one range of the key, however long the journal.
        builder.HasKey(j => new { j.InstanceId, j.LastSequence });
        builder.HasOne<InstanceRow>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

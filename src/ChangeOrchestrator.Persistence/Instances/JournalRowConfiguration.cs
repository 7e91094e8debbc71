using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Instances;

internal sealed class JournalRowConfiguration : IEntityTypeConfiguration<JournalRow>
{
    public void Configure(EntityTypeBuilder<JournalRow> builder)
    {
        builder.ToTable("journal_entries");
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.HasOne<InstanceRow>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.Type).HasConversion<string>().HasMaxLength(32);
    }
}

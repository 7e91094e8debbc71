using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Stimuli;

internal sealed class DeadLetteredStimulusRowConfiguration : IEntityTypeConfiguration<DeadLetteredStimulusRow>
{
    public void Configure(EntityTypeBuilder<DeadLetteredStimulusRow> builder)
    {
        builder.ToTable("dead_lettered_stimuli");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.HasIndex(s => s.StimulusId);
        builder.HasIndex(s => new { s.Kind, s.Key });
        builder.HasIndex(s => s.DeadLetteredAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Stimuli;

internal sealed class SeenStimulusRowConfiguration : IEntityTypeConfiguration<SeenStimulusRow>
{
    public void Configure(EntityTypeBuilder<SeenStimulusRow> builder)
    {
        builder.ToTable("seen_stimuli");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.ExpiresAt);
    }
}

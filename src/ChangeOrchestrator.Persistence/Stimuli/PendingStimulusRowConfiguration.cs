using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Stimuli;

internal sealed class PendingStimulusRowConfiguration : IEntityTypeConfiguration<PendingStimulusRow>
{
    public void Configure(EntityTypeBuilder<PendingStimulusRow> builder)
    {
        builder.ToTable("pending_stimuli");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.Kind, s.Key });
        builder.HasIndex(s => s.ExpiresAt);
    }
}

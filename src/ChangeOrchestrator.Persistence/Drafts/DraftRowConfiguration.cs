using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Drafts;

internal sealed class DraftRowConfiguration : IEntityTypeConfiguration<DraftRow>
{
    public void Configure(EntityTypeBuilder<DraftRow> builder)
    {
        builder.ToTable("definition_drafts");
        builder.HasKey(d => d.DefinitionId);
        builder.Property(d => d.DefinitionId).HasMaxLength(200);
        builder.Property(d => d.SavedBy).HasMaxLength(DraftRow.ActorLength);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.SideEffects;

internal sealed class SideEffectRowConfiguration : IEntityTypeConfiguration<SideEffectRow>
{
    public void Configure(EntityTypeBuilder<SideEffectRow> builder)
    {
        builder.ToTable("side_effects");
        builder.HasKey(s => s.IdempotencyKey);
        builder.HasIndex(s => new { s.InstanceId, s.ActivityId });
    }
}

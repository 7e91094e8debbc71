using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Results;

internal sealed class StepResultRowConfiguration : IEntityTypeConfiguration<StepResultRow>
{
    public void Configure(EntityTypeBuilder<StepResultRow> builder)
    {
        builder.ToTable("step_results");
        builder.HasKey(r => new { r.InstanceId, r.ActivityId, r.Name, r.Ordinal });
        builder.Property(r => r.ActivityId).HasMaxLength(200);
        builder.Property(r => r.Name).HasMaxLength(400);
        builder.Property(r => r.ServerId).HasMaxLength(128);
        builder.Property(r => r.State).HasMaxLength(128);

        // A server's results across the steps of an instance, and a page of one state within a list.
        builder.HasIndex(r => new { r.InstanceId, r.ServerId });
        builder.HasIndex(r => new { r.InstanceId, r.ActivityId, r.Name, r.State, r.Ordinal });
    }
}

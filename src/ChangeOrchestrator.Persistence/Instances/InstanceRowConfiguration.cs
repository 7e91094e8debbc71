using ChangeOrchestrator.Persistence.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Instances;

internal sealed class InstanceRowConfiguration : IEntityTypeConfiguration<InstanceRow>
{
    public void Configure(EntityTypeBuilder<InstanceRow> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => new { i.Status, i.UpdatedAt });
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });

        // The instance list pages newest first by id within a status or a workflow: these keep a filtered page an
        // index range however many instances the filter matches.
        builder.HasIndex(i => new { i.Status, i.Id });
        builder.HasIndex(i => new { i.DefinitionId, i.Id });

        // An instance's per-server results go with it. Declared from this side because the instance store writes
        // them in its commit, while the results folder knows nothing of instances.
        builder.HasMany<StepResultRow>().WithOne().HasForeignKey(r => r.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

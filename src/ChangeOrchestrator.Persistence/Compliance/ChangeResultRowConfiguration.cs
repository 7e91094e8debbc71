using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Compliance;

internal sealed class ChangeResultRowConfiguration : IEntityTypeConfiguration<ChangeResultRow>
{
    public void Configure(EntityTypeBuilder<ChangeResultRow> builder)
    {
        builder.ToTable("change_results");
        builder.HasKey(c => c.WorkflowInstanceId);
        builder.Property(c => c.WorkflowInstanceId).HasMaxLength(ComplianceScanRow.IdLength);
        builder.Property(c => c.Desk).HasMaxLength(32);
        builder.Property(c => c.Number).HasMaxLength(64);
        builder.Property(c => c.PatchGroup).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(c => c.Environment).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(c => c.Outcome).HasMaxLength(32);
        builder.HasIndex(c => c.ClosedAt);
    }
}

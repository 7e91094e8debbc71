using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Compliance;

internal sealed class ComplianceScanRowConfiguration : IEntityTypeConfiguration<ComplianceScanRow>
{
    public void Configure(EntityTypeBuilder<ComplianceScanRow> builder)
    {
        builder.ToTable("compliance_scans");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.WorkflowInstanceId).HasMaxLength(ComplianceScanRow.IdLength);
        builder.Property(s => s.ActivityId).HasMaxLength(ComplianceScanRow.IdLength);
        builder.Property(s => s.Source).HasMaxLength(ComplianceScanRow.IdLength);
        builder.Property(s => s.ServerId).HasMaxLength(ComplianceScanRow.IdLength);
        builder.Property(s => s.PatchGroup).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.Environment).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.OperatingSystem).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.BaselineId).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.Operation).HasMaxLength(16);

        // A replayed step appends nothing twice.
        builder.HasIndex(s => new { s.WorkflowInstanceId, s.ActivityId, s.ServerId }).IsUnique();

        // A server's history, and the retention's range delete.
        builder.HasIndex(s => new { s.ServerId, s.ScannedAt });
        builder.HasIndex(s => s.ScannedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Compliance;

internal sealed class ComplianceDailyRowConfiguration : IEntityTypeConfiguration<ComplianceDailyRow>
{
    public void Configure(EntityTypeBuilder<ComplianceDailyRow> builder)
    {
        builder.ToTable("compliance_daily");
        builder.HasKey(d => new { d.Day, d.PatchGroup, d.Environment, d.OperatingSystem });
        builder.Property(d => d.PatchGroup).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(d => d.Environment).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(d => d.OperatingSystem).HasMaxLength(ComplianceScanRow.NameLength);
    }
}

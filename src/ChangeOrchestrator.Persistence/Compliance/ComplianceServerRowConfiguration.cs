using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Compliance;

internal sealed class ComplianceServerRowConfiguration : IEntityTypeConfiguration<ComplianceServerRow>
{
    public void Configure(EntityTypeBuilder<ComplianceServerRow> builder)
    {
        builder.ToTable("compliance_servers");
        builder.HasKey(s => s.ServerId);
        builder.Property(s => s.ServerId).HasMaxLength(ComplianceScanRow.IdLength);
        builder.Property(s => s.PatchGroup).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.Environment).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.OperatingSystem).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.BaselineId).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(s => s.Operation).HasMaxLength(16);

        // The non-compliant list filtered by group.
        builder.HasIndex(s => new { s.IsCompliant, s.PatchGroup });

        // The server lists in their order (critical non-compliant, then pending reboots, most first), a keyset page at a time.
        builder.HasIndex(s => new { s.IsCompliant, s.CriticalNonCompliant, s.InstalledPendingReboot, s.ServerId })
            .IsDescending(false, true, true, false)
            .HasDatabaseName("IX_compliance_servers_list");
        builder.HasIndex(s => new { s.PatchGroup, s.IsCompliant, s.CriticalNonCompliant, s.InstalledPendingReboot, s.ServerId })
            .IsDescending(false, false, true, true, false)
            .HasDatabaseName("IX_compliance_servers_group_list");
        builder.HasIndex(s => s.ScannedAt);
    }
}

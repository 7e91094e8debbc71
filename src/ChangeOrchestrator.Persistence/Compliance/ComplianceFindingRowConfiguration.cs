using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Compliance;

internal sealed class ComplianceFindingRowConfiguration : IEntityTypeConfiguration<ComplianceFindingRow>
{
    public void Configure(EntityTypeBuilder<ComplianceFindingRow> builder)
    {
        builder.ToTable("compliance_findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedOnAdd();
        builder.Property(f => f.ServerId).HasMaxLength(ComplianceScanRow.IdLength);
        builder.Property(f => f.PatchGroup).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(f => f.Environment).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(f => f.OperatingSystem).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(f => f.PatchId).HasMaxLength(ComplianceScanRow.NameLength);
        builder.Property(f => f.Title).HasMaxLength(ComplianceFindingRow.TitleLength);
        builder.Property(f => f.Severity).HasMaxLength(32);
        builder.Property(f => f.Classification).HasMaxLength(64);
        builder.Property(f => f.CveIds).HasMaxLength(ComplianceFindingRow.CveLength);

        // A scan's update reads its servers' open findings; the reports read open or recently remediated ones by group.
        builder.HasIndex(f => new { f.ServerId, f.RemediatedAt });
        builder.HasIndex(f => new { f.RemediatedAt, f.PatchGroup });

        // The open findings alone (a small part of the history): the SLA list and counts, and the top missing patches.
        builder.HasIndex(f => new { f.PatchGroup, f.PatchId, f.ServerId })
            .HasDatabaseName("IX_compliance_findings_open_group_patch")
            .HasFilter("remediated_at IS NULL");
        builder.HasIndex(f => new { f.PatchId, f.ServerId })
            .HasDatabaseName("IX_compliance_findings_open_patch")
            .HasFilter("remediated_at IS NULL");

        // The mean time to remediate reads only these columns of the findings remediated in the period.
        builder.HasIndex(f => new { f.RemediatedAt, f.Severity, f.RemediationTicks, f.PatchGroup, f.Environment, f.OperatingSystem })
            .HasDatabaseName("IX_compliance_findings_remediation");
    }
}

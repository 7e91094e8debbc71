using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "clock_start_ticks",
                table: "compliance_findings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "remediation_ticks",
                table: "compliance_findings",
                type: "INTEGER",
                nullable: true);

            // Findings recorded before these columns (instants are UTC ticks here): their clock start and time to remediate, by PatchFinding.ClockStart's rule.
            migrationBuilder.Sql("""
                UPDATE compliance_findings SET clock_start_ticks =
                    CASE WHEN release_date IS NULL THEN first_seen_at
                         WHEN coalesce(server_first_seen_at, first_seen_at) > release_date THEN coalesce(server_first_seen_at, first_seen_at)
                         ELSE release_date END;
                UPDATE compliance_findings SET remediation_ticks = max(0, remediated_at - clock_start_ticks) WHERE remediated_at IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_compliance_servers_group_list",
                table: "compliance_servers",
                columns: new[] { "patch_group", "is_compliant", "critical_non_compliant", "installed_pending_reboot", "server_id" },
                descending: new[] { false, false, true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_servers_list",
                table: "compliance_servers",
                columns: new[] { "is_compliant", "critical_non_compliant", "installed_pending_reboot", "server_id" },
                descending: new[] { false, true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_findings_open_group_patch",
                table: "compliance_findings",
                columns: new[] { "patch_group", "patch_id", "server_id" },
                filter: "remediated_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_findings_open_patch",
                table: "compliance_findings",
                columns: new[] { "patch_id", "server_id" },
                filter: "remediated_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_findings_remediation",
                table: "compliance_findings",
                columns: new[] { "remediated_at", "severity", "remediation_ticks", "patch_group", "environment", "operating_system" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_compliance_servers_group_list",
                table: "compliance_servers");

            migrationBuilder.DropIndex(
                name: "IX_compliance_servers_list",
                table: "compliance_servers");

            migrationBuilder.DropIndex(
                name: "IX_compliance_findings_open_group_patch",
                table: "compliance_findings");

            migrationBuilder.DropIndex(
                name: "IX_compliance_findings_open_patch",
                table: "compliance_findings");

            migrationBuilder.DropIndex(
                name: "IX_compliance_findings_remediation",
                table: "compliance_findings");

            migrationBuilder.DropColumn(
                name: "clock_start_ticks",
                table: "compliance_findings");

            migrationBuilder.DropColumn(
                name: "remediation_ticks",
                table: "compliance_findings");
        }
    }
}

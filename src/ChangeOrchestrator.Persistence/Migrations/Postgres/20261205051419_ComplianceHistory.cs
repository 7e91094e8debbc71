using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplianceHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_results",
                columns: table => new
                {
                    workflow_instance_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    desk = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    patch_group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    environment = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rolled_back_servers = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_results", x => x.workflow_instance_id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_daily",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    patch_group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    environment = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    operating_system = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    servers = table.Column<int>(type: "integer", nullable: false),
                    compliant = table.Column<int>(type: "integer", nullable: false),
                    critical_non_compliant = table.Column<int>(type: "integer", nullable: false),
                    pending_reboot = table.Column<int>(type: "integer", nullable: false),
                    missing_patches = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_daily", x => new { x.day, x.patch_group, x.environment, x.operating_system });
                });

            migrationBuilder.CreateTable(
                name: "compliance_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    server_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    patch_group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    environment = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    operating_system = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    patch_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    classification = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    release_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cve_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    remediated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_scans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workflow_instance_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    activity_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    server_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    patch_group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    environment = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    operating_system = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    baseline_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    operation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    scanned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    missing_patches = table.Column<string>(type: "text", nullable: false),
                    installed = table.Column<int>(type: "integer", nullable: false),
                    installed_other = table.Column<int>(type: "integer", nullable: false),
                    installed_pending_reboot = table.Column<int>(type: "integer", nullable: false),
                    installed_rejected = table.Column<int>(type: "integer", nullable: false),
                    missing = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    not_applicable = table.Column<int>(type: "integer", nullable: false),
                    critical_non_compliant = table.Column<int>(type: "integer", nullable: false),
                    security_non_compliant = table.Column<int>(type: "integer", nullable: false),
                    other_non_compliant = table.Column<int>(type: "integer", nullable: false),
                    is_compliant = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_scans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_servers",
                columns: table => new
                {
                    server_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    patch_group = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    environment = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    operating_system = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    baseline_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    operation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    scanned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    installed = table.Column<int>(type: "integer", nullable: false),
                    installed_other = table.Column<int>(type: "integer", nullable: false),
                    installed_pending_reboot = table.Column<int>(type: "integer", nullable: false),
                    installed_rejected = table.Column<int>(type: "integer", nullable: false),
                    missing = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    not_applicable = table.Column<int>(type: "integer", nullable: false),
                    critical_non_compliant = table.Column<int>(type: "integer", nullable: false),
                    security_non_compliant = table.Column<int>(type: "integer", nullable: false),
                    other_non_compliant = table.Column<int>(type: "integer", nullable: false),
                    is_compliant = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_servers", x => x.server_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_change_results_closed_at",
                table: "change_results",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_findings_remediated_at_patch_group",
                table: "compliance_findings",
                columns: new[] { "remediated_at", "patch_group" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_findings_server_id_remediated_at",
                table: "compliance_findings",
                columns: new[] { "server_id", "remediated_at" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_scans_scanned_at",
                table: "compliance_scans",
                column: "scanned_at");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_scans_server_id_scanned_at",
                table: "compliance_scans",
                columns: new[] { "server_id", "scanned_at" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_scans_workflow_instance_id_activity_id_server_id",
                table: "compliance_scans",
                columns: new[] { "workflow_instance_id", "activity_id", "server_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_compliance_servers_is_compliant_patch_group",
                table: "compliance_servers",
                columns: new[] { "is_compliant", "patch_group" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_servers_scanned_at",
                table: "compliance_servers",
                column: "scanned_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_results");

            migrationBuilder.DropTable(
                name: "compliance_daily");

            migrationBuilder.DropTable(
                name: "compliance_findings");

            migrationBuilder.DropTable(
                name: "compliance_scans");

            migrationBuilder.DropTable(
                name: "compliance_servers");
        }
    }
}

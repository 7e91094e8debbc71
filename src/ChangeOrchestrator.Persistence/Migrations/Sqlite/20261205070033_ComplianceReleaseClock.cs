using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceReleaseClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "first_scanned_at",
                table: "compliance_servers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "server_first_seen_at",
                table: "compliance_findings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "first_scanned_at",
                table: "compliance_servers");

            migrationBuilder.DropColumn(
                name: "server_first_seen_at",
                table: "compliance_findings");
        }
    }
}

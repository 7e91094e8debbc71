using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplianceReleaseClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_scanned_at",
                table: "compliance_servers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "server_first_seen_at",
                table: "compliance_findings",
                type: "timestamp with time zone",
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

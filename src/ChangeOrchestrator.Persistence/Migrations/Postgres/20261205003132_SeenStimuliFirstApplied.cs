using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeenStimuliFirstApplied : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_applied_at",
                table: "seen_stimuli",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "first_applied_at",
                table: "seen_stimuli");
        }
    }
}

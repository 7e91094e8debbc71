using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeenStimuliFirstApplied : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "first_applied_at",
                table: "seen_stimuli",
                type: "INTEGER",
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

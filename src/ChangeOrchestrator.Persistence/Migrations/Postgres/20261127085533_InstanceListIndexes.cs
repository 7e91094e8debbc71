using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstanceListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_definition_id_id",
                table: "workflow_instances",
                columns: new[] { "definition_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_status_id",
                table: "workflow_instances",
                columns: new[] { "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_definition_id_id",
                table: "workflow_instances");

            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_status_id",
                table: "workflow_instances");
        }
    }
}

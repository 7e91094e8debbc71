using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JournalOneRowPerBurst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_bursts",
                columns: table => new
                {
                    instance_id = table.Column<string>(type: "text", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    first_sequence = table.Column<long>(type: "bigint", nullable: false),
                    entries = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_bursts", x => new { x.instance_id, x.last_sequence });
                    table.ForeignKey(
                        name: "FK_journal_bursts_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every entry is kept: each becomes a row of its own, as it was one commit's entry as far as is known.
            migrationBuilder.Sql(
                """
                INSERT INTO journal_bursts (instance_id, last_sequence, first_sequence, entries)
                SELECT instance_id, sequence, sequence,
                       json_build_array(json_build_object(
                           'sequence', sequence, 'at', at, 'type', type, 'activityId', activity_id,
                           'message', message, 'data', data::json))::text
                FROM journal_entries;
                """);

            migrationBuilder.DropTable(
                name: "journal_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    instance_id = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    activity_id = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    data = table.Column<string>(type: "text", nullable: true),
                    message = table.Column<string>(type: "text", nullable: true),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_entries", x => new { x.instance_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_journal_entries_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every entry goes back to a row of its own.
            migrationBuilder.Sql(
                """
                INSERT INTO journal_entries (instance_id, sequence, at, type, activity_id, message, data)
                SELECT j.instance_id, (e ->> 'sequence')::bigint, (e ->> 'at')::timestamptz, e ->> 'type',
                       e ->> 'activityId', e ->> 'message',
                       CASE WHEN coalesce(json_typeof(e -> 'data'), 'null') = 'null' THEN NULL ELSE (e -> 'data')::text END
                FROM journal_bursts j, json_array_elements(j.entries::json) e;
                """);

            migrationBuilder.DropTable(
                name: "journal_bursts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChangeOrchestrator.Persistence.Migrations.Sqlite
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
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    first_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    entries = table.Column<string>(type: "TEXT", nullable: false)
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
                       json_array(json_object(
                           'sequence', sequence,
                           'at', strftime('%Y-%m-%dT%H:%M:%S', (at - 621355968000000000) / 10000000, 'unixepoch')
                                 || '.' || printf('%07d', (at - 621355968000000000) % 10000000) || 'Z',
                           'type', type, 'activityId', activity_id, 'message', message, 'data', json(data)))
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
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                SELECT instance_id, sequence,
                       unixepoch(substr(at, 1, 19)) * 10000000 + 621355968000000000
                       + CASE WHEN substr(at, 20, 1) = '.'
                              THEN CAST(substr(substr(at, 21, length(at) - 20 - CASE WHEN at LIKE '%Z' THEN 1 ELSE 6 END) || '0000000', 1, 7) AS INTEGER)
                              ELSE 0 END,
                       type, activity_id, message, data
                FROM (SELECT j.instance_id AS instance_id,
                             json_extract(e.value, '$.sequence') AS sequence,
                             json_extract(e.value, '$.at') AS at,
                             json_extract(e.value, '$.type') AS type,
                             json_extract(e.value, '$.activityId') AS activity_id,
                             json_extract(e.value, '$.message') AS message,
                             CASE WHEN coalesce(json_type(e.value, '$.data'), 'null') = 'null' THEN NULL ELSE e.value -> '$.data' END AS data
                      FROM journal_bursts j, json_each(j.entries) e);
                """);

            migrationBuilder.DropTable(
                name: "journal_bursts");
        }
    }
}

using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Stimuli;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// An event's first two reads as one batch on PostgreSQL: the stimulus id's seen record, as
/// <see cref="EfStimulusBuffer.FindSeenAsync"/> reads it, and the bookmarks waiting for the event, as
/// <see cref="EfWorkflowInstanceStore.FindBookmarksAsync"/> reads them. Each SELECT sees what was committed when it ran,
/// in that order, as the two calls one after the other would. It sits with the instance store, whose commit already
/// writes the stimuli's tables, so the two folders depend one way only.
/// </summary>
internal sealed class PostgresEventLookups(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IEventLookups
{
    private string? _selectSeen;
    private PostgresBookmarkReads? _bookmarks;

    public async Task<EventLookup> FindAsync(string? stimulusId, string kind, string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var selectSeen = _selectSeen ??= SelectSeen(db);
        var bookmarks = _bookmarks ??= PostgresBookmarkReads.For(db.Model);
        return await db.OnNpgsqlConnectionAsync(
            async connection =>
            {
                await using var batch = new NpgsqlBatch(connection);
                if (stimulusId is not null)
                {
                    var seen = new NpgsqlBatchCommand(selectSeen);
                    seen.Parameters.Add(new NpgsqlParameter { Value = stimulusId, NpgsqlDbType = NpgsqlDbType.Text });
                    seen.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                    batch.BatchCommands.Add(seen);
                }

                batch.BatchCommands.Add(bookmarks.Waiting(kind, key));
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                SeenStimulus? found = null;
                if (stimulusId is not null)
                {
                    found = await reader.ReadAsync(cancellationToken)
                        ? new SeenStimulus(reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0))
                        : null;
                    await reader.NextResultAsync(cancellationToken);
                }

                return new EventLookup(found, await PostgresBookmarkReads.ReadAsync(reader, cancellationToken));
            },
            cancellationToken);
    }

    private static string SelectSeen(WorkflowDbContext db)
    {
        var seen = PostgresRowShape.Of<SeenStimulusRow>(db.Model);
        return $"SELECT {seen.ColumnOf(nameof(SeenStimulusRow.FirstAppliedAt))} FROM {seen.Table} " +
            $"WHERE {seen.ColumnOf(nameof(SeenStimulusRow.Id))} = $1 AND {seen.ColumnOf(nameof(SeenStimulusRow.ExpiresAt))} > $2";
    }
}

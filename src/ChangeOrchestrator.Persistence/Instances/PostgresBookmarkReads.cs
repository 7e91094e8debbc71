using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// Bookmarks read as plain SELECTs on PostgreSQL, for the batches of the hot paths: an instance's own (with the
/// instance, before a resume) and those waiting for an event's kind and key (before it is raised). Both are ordered as
/// the EF Core queries of <see cref="EfWorkflowInstanceStore"/> order them.
/// </summary>
internal sealed class PostgresBookmarkReads
{
    private static readonly string[] Columns =
    [
        nameof(BookmarkRow.Id), nameof(BookmarkRow.InstanceId), nameof(BookmarkRow.ActivityId), nameof(BookmarkRow.Kind),
        nameof(BookmarkRow.Key), nameof(BookmarkRow.DueAt), nameof(BookmarkRow.Name), nameof(BookmarkRow.CreatedAt),
    ];

    private readonly string _ofInstance;
    private readonly string _waiting;

    private PostgresBookmarkReads(IModel model)
    {
        var bookmarks = PostgresRowShape.Of<BookmarkRow>(model);
        var select = $"SELECT {string.Join(", ", Columns.Select(bookmarks.ColumnOf))} FROM {bookmarks.Table}";
        var order = $"ORDER BY {bookmarks.ColumnOf(nameof(BookmarkRow.CreatedAt))}, {bookmarks.ColumnOf(nameof(BookmarkRow.Id))}";
        _ofInstance = $"{select} WHERE {bookmarks.ColumnOf(nameof(BookmarkRow.InstanceId))} = $1 {order}";
        _waiting = $"{select} WHERE {bookmarks.ColumnOf(nameof(BookmarkRow.Kind))} = $1 AND {bookmarks.ColumnOf(nameof(BookmarkRow.Key))} = $2 " +
            $"AND {bookmarks.ColumnOf(nameof(BookmarkRow.DueAt))} IS NULL {order}";
    }

    public static PostgresBookmarkReads For(IModel model) => new(model);

    /// <summary>The bookmarks of one instance.</summary>
    public NpgsqlBatchCommand OfInstance(string instanceId) => WithText(new NpgsqlBatchCommand(_ofInstance), instanceId);

    /// <summary>The event bookmarks waiting for <paramref name="kind"/> and <paramref name="key"/> (not timers).</summary>
    public NpgsqlBatchCommand Waiting(string kind, string key) => WithText(WithText(new NpgsqlBatchCommand(_waiting), kind), key);

    /// <summary>Reads the rows of the reader's current result, one of this class's SELECTs.</summary>
    public static async Task<IReadOnlyList<StoredBookmark>> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var bookmarks = new List<StoredBookmark>();
        while (await reader.ReadAsync(cancellationToken))
        {
            bookmarks.Add(new BookmarkRow
            {
                Id = reader.GetString(0),
                InstanceId = reader.GetString(1),
                ActivityId = reader.GetString(2),
                Kind = reader.GetString(3),
                Key = reader.GetString(4),
                DueAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                Name = reader.IsDBNull(6) ? null : reader.GetString(6),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(7),
            }.ToStoredBookmark());
        }

        return bookmarks;
    }

    private static NpgsqlBatchCommand WithText(NpgsqlBatchCommand command, string value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }
}

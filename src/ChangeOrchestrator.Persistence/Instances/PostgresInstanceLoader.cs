using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// An instance and its bookmarks read in one round trip on PostgreSQL: one batch of two SELECTs, read straight off
/// the wire. Every resume reads both before its burst; through EF Core that is two queries, each its own round trip
/// and materialisation.
/// </summary>
internal sealed class PostgresInstanceLoader
{
    private static readonly string[] InstanceColumns =
    [
        nameof(InstanceRow.Id), nameof(InstanceRow.DefinitionId), nameof(InstanceRow.DefinitionVersion), nameof(InstanceRow.CorrelationId),
        nameof(InstanceRow.Status), nameof(InstanceRow.Input), nameof(InstanceRow.Variables), nameof(InstanceRow.Steps),
        nameof(InstanceRow.Activities), nameof(InstanceRow.Queue), nameof(InstanceRow.Incident), nameof(InstanceRow.Cancelling),
        nameof(InstanceRow.Version), nameof(InstanceRow.JournalSequence), nameof(InstanceRow.CreatedAt), nameof(InstanceRow.UpdatedAt),
        nameof(InstanceRow.FinishedAt),
    ];

    private readonly string _selectInstance;
    private readonly PostgresBookmarkReads _bookmarks;

    private PostgresInstanceLoader(IModel model)
    {
        var instances = PostgresRowShape.Of<InstanceRow>(model);
        _selectInstance =
            $"SELECT {string.Join(", ", InstanceColumns.Select(instances.ColumnOf))} FROM {instances.Table} WHERE {instances.ColumnOf(nameof(InstanceRow.Id))} = $1";
        _bookmarks = PostgresBookmarkReads.For(model);
    }

    public static PostgresInstanceLoader For(IModel model) => new(model);

    public async Task<LoadedInstance?> LoadAsync(NpgsqlConnection connection, string instanceId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        AddTo(batch, instanceId);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    /// <summary>Adds the two SELECTs to a batch; <see cref="ReadAsync"/> reads their results, the reader on the first.</summary>
    public void AddTo(NpgsqlBatch batch, string instanceId)
    {
        var instance = new NpgsqlBatchCommand(_selectInstance);
        instance.Parameters.Add(new NpgsqlParameter { Value = instanceId, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(instance);
        batch.BatchCommands.Add(_bookmarks.OfInstance(instanceId));
    }

    public static async Task<LoadedInstance?> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var row = await reader.ReadAsync(cancellationToken) ? ReadInstance(reader) : null;
        await reader.NextResultAsync(cancellationToken);
        var bookmarks = await PostgresBookmarkReads.ReadAsync(reader, cancellationToken);

        // Each SELECT sees what was committed when it ran. The caller holds the instance's lease, so no other node
        // commits in between; a stale one that did would have moved the version, and the burst's commit is refused.
        return row is null ? null : new LoadedInstance(row.ToInstance(), bookmarks);
    }

    private static InstanceRow ReadInstance(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        DefinitionId = reader.GetString(1),
        DefinitionVersion = reader.GetInt32(2),
        CorrelationId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Status = Enum.Parse<InstanceStatus>(reader.GetString(4)),
        Input = reader.GetString(5),
        Variables = reader.GetString(6),
        Steps = reader.GetString(7),
        Activities = reader.GetString(8),
        Queue = reader.GetString(9),
        Incident = reader.IsDBNull(10) ? null : reader.GetString(10),
        Cancelling = reader.GetBoolean(11),
        Version = reader.GetInt64(12),
        JournalSequence = reader.GetInt64(13),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(14),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(15),
        FinishedAt = reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
    };
}

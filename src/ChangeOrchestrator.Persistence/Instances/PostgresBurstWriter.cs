using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Definitions;
using ChangeOrchestrator.Persistence.Results;
using ChangeOrchestrator.Persistence.Stimuli;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// A burst commit on PostgreSQL as one batch of plain statements. EF Core's SaveChanges spends far more CPU than the
/// database does on a burst (ordering two dozen inserts by their foreign keys, one statement per row), and the engine
/// shares its cores with the database, so the rows go out as one multi-row INSERT per table instead. Every commit is
/// one round trip: the batch is its own implicit transaction, and what a resume must check (the version, the lease,
/// the bookmarks and stimuli it removes) is checked by the statements themselves, which fail, and so roll the whole
/// batch back, when a check does not hold. An explicit transaction would cost a second round trip for its COMMIT, so
/// only a burst storing more per-server rows than a chunk takes one: the batch, then the rows a chunk at a time.
/// </summary>
internal sealed class PostgresBurstWriter
{
    // How the checks of a commit fail (see Expecting): the instance (version, lease, bookmarks), or a consumed stimulus.
    private const string InstanceCheckFailed = PostgresErrorCodes.DivisionByZero;
    private const string StimulusCheckFailed = PostgresErrorCodes.NumericValueOutOfRange;

    // A start on the latest version this node knew, when a newer one exists: ln(0), as a failure built from a constant
    // would be raised by the planner whatever the data.
    private const string DefinitionCheckFailed = PostgresErrorCodes.InvalidArgumentForLogarithm;

    // The most per-server rows one statement inserts: a burst that stores more (the start of a change over a fleet)
    // builds and sends them a chunk at a time, so it never holds a fleet's rows and their JSON text at once.
    internal const int ResultChunk = 2_000;

    private readonly PostgresRowShape _instances;
    private readonly PostgresRowShape _bookmarks;
    private readonly PostgresRowShape _journal;
    private readonly PostgresRowShape _results;
    private readonly string _deleteOutputResults;
    private readonly string _deleteResultsUnder;
    private readonly string _updateInstance;
    private readonly string _updateLeasedInstance;
    private readonly DeleteById _deleteBookmarks;
    private readonly DeleteById _deleteStimuli;
    private readonly string _takeSeenStimulus;
    private readonly string _noNewerDefinition;

    private PostgresBurstWriter(IModel model)
    {
        _instances = PostgresRowShape.Of<InstanceRow>(model);
        _bookmarks = PostgresRowShape.Of<BookmarkRow>(model);
        _journal = PostgresRowShape.Of<JournalBurstRow>(model);
        var stimuli = PostgresRowShape.Of<PendingStimulusRow>(model);
        _results = PostgresRowShape.Of<StepResultRow>(model);
        var resultsOf = $"DELETE FROM {_results.Table} WHERE {_results.ColumnOf(nameof(StepResultRow.InstanceId))} = $1 AND {_results.ColumnOf(nameof(StepResultRow.ActivityId))} = $2";
        var name = _results.ColumnOf(nameof(StepResultRow.Name));
        _deleteOutputResults = $"{resultsOf} AND left({name}, 1) <> '$' AND {name} <> ALL($3)";
        _deleteResultsUnder = $"{resultsOf} AND ({name} = $3 OR starts_with({name}, $3 || '.'))";

        var set = string.Join(", ", InstanceRow.BurstColumns.Select((column, i) => $"{_instances.ColumnOf(column)} = ${i + 1}"));
        var id = InstanceRow.BurstColumns.Length + 1;
        _updateInstance =
            $"UPDATE {_instances.Table} SET {set} WHERE {_instances.ColumnOf(nameof(InstanceRow.Id))} = ${id} AND {_instances.ColumnOf(nameof(InstanceRow.Version))} = ${id + 1}";
        // Fenced: a node that lost the instance's lease (it stalled, another took over) cannot commit over the new owner.
        // The commit ends the burst, so it gives the lease back too, instead of a statement of its own afterwards.
        var leaseOwner = _instances.ColumnOf(nameof(InstanceRow.LeaseOwner));
        _updateLeasedInstance =
            $"UPDATE {_instances.Table} SET {set}, {leaseOwner} = NULL, {_instances.ColumnOf(nameof(InstanceRow.LeaseExpiresAt))} = NULL " +
            $"WHERE {_instances.ColumnOf(nameof(InstanceRow.Id))} = ${id} AND {_instances.ColumnOf(nameof(InstanceRow.Version))} = ${id + 1} AND {leaseOwner} = ${id + 2}";
        _deleteBookmarks = DeleteById.On(_bookmarks, nameof(BookmarkRow.Id));
        _deleteStimuli = DeleteById.On(stimuli, nameof(PendingStimulusRow.Id));

        // As SeenStimulusUpsert: a new row, or an expired one taken over; a row within its retention stays as it is.
        var seen = PostgresRowShape.Of<SeenStimulusRow>(model);
        var seenId = seen.ColumnOf(nameof(SeenStimulusRow.Id));
        var seenExpires = seen.ColumnOf(nameof(SeenStimulusRow.ExpiresAt));
        var seenApplied = seen.ColumnOf(nameof(SeenStimulusRow.FirstAppliedAt));
        _takeSeenStimulus =
            $"INSERT INTO {seen.Table} ({seenId}, {seenExpires}, {seenApplied}) VALUES ($1, $2, $3) " +
            $"ON CONFLICT ({seenId}) DO UPDATE SET {seenExpires} = EXCLUDED.{seenExpires}, {seenApplied} = EXCLUDED.{seenApplied} " +
            $"WHERE {seen.Table}.{seenExpires} <= $4";
        _noNewerDefinition = NoNewerDefinition(model);
    }

    public static PostgresBurstWriter For(IModel model) => new(model);

    private static string NoNewerDefinition(IModel model)
    {
        var definitions = PostgresRowShape.Of<DefinitionRow>(model);
        return $"SELECT ln(1 - (EXISTS (SELECT 1 FROM {definitions.Table} WHERE {definitions.ColumnOf(nameof(DefinitionRow.Id))} = $1 " +
            $"AND {definitions.ColumnOf(nameof(DefinitionRow.Version))} > $2))::int)";
    }

    /// <exception cref="ConcurrencyConflictException">The instance changed or exists already, or a bookmark or stimulus the burst removes is gone.</exception>
    public async Task CommitAsync(NpgsqlConnection connection, BurstCommit commit, InstanceRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var burst = commit.Burst;
        var removedBookmarks = burst.RemovedBookmarkIds.Distinct(StringComparer.Ordinal).ToArray();
        var consumedStimuli = commit.ConsumedStimulusIds.Distinct(StringComparer.Ordinal).ToArray();
        var isStart = commit.ExpectedVersion is null;

        await using var batch = new NpgsqlBatch(connection);
        if (isStart && commit.RequiresLatestDefinition)
        {
            Add(batch, NoNewerDefinitionThan(row));
        }

        var updated = isStart ? null : Add(batch, UpdateInstance(row, commit.ExpectedVersion!.Value, commit.LeaseOwner));
        if (isStart)
        {
            Add(batch, _instances.Insert([row]));
        }

        var bookmarksDeleted = removedBookmarks.Length > 0 ? Add(batch, DeleteAll(_deleteBookmarks, removedBookmarks, InstanceCheckFailed)) : null;
        if (burst.AddedBookmarks.Count > 0)
        {
            Add(batch, _bookmarks.Insert(burst.AddedBookmarks.Select(BookmarkRow.From).ToList()));
        }

        if (burst.Journal.Count > 0)
        {
            Add(batch, _journal.Insert([JournalBurstRow.From(burst.Journal)]));
        }

        // A step's per-server lists go in its commit: never a step without its results, nor results of a step not committed.
        foreach (var replacement in burst.ResultLists)
        {
            Add(batch, DeleteResults(row.Id, replacement));
        }

        // Up to a chunk, the lists go in the batch; beyond, a transaction holds the batch and the chunks that follow it.
        var resultCount = StepResultWrites.InsertCount(burst.ResultLists);
        var chunked = resultCount > ResultChunk;
        if (resultCount > 0 && !chunked)
        {
            Add(batch, _results.InsertColumns(StepResultWrites.Inserts(row.Id, burst.ResultLists)));
        }

        var stimuliDeleted = consumedStimuli.Length > 0 ? Add(batch, DeleteAll(_deleteStimuli, consumedStimuli, StimulusCheckFailed)) : null;
        if (commit.Applied is { } applied)
        {
            // Seen in this very transaction, and a buffered copy of it dropped: it takes effect here or not at all.
            Add(batch, TakeSeen(applied, now));
            Add(batch, DeleteOne(_deleteStimuli.OfOne, applied.Id));
        }

        await using var transaction = chunked ? await connection.BeginTransactionAsync(cancellationToken) : null;
        batch.Transaction = transaction;
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConcurrencyConflictException(isStart
                ? InstanceConflicts.ExistsAlready(row.Id)
                : InstanceConflicts.Changed(row.Id, commit.ExpectedVersion));
        }
        catch (PostgresException ex) when (ex.SqlState == DefinitionCheckFailed && isStart)
        {
            throw new StaleDefinitionException(row.DefinitionId, row.DefinitionVersion);
        }
        catch (PostgresException ex) when (ex.SqlState is InstanceCheckFailed or StimulusCheckFailed && (updated ?? bookmarksDeleted ?? stimuliDeleted) is not null)
        {
            // A check failed, and with it the whole batch: nothing of the burst was written.
            throw new ConcurrencyConflictException(ex.SqlState == StimulusCheckFailed
                ? InstanceConflicts.StimulusConsumed(row.Id)
                : InstanceConflicts.Changed(row.Id, commit.ExpectedVersion));
        }

        if (transaction is not null)
        {
            foreach (var chunk in StepResultWrites.InsertChunks(row.Id, burst.ResultLists, ResultChunk))
            {
                await using var insert = new NpgsqlBatch(connection, transaction);
                insert.BatchCommands.Add(_results.InsertColumns(chunk));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private NpgsqlBatchCommand DeleteResults(string instanceId, ResultReplacement replacement)
    {
        var command = new NpgsqlBatchCommand(replacement.Under is null ? _deleteOutputResults : _deleteResultsUnder);
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = replacement.Activity, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(replacement.Under is { } under
            ? new NpgsqlParameter { Value = under, NpgsqlDbType = NpgsqlDbType.Text }
            : new NpgsqlParameter { Value = replacement.Keeping.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

        return command;
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, NpgsqlBatchCommand command)
    {
        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Fails the start's batch when its definition has a version newer than the one it ran on.</summary>
    private NpgsqlBatchCommand NoNewerDefinitionThan(InstanceRow row)
    {
        var command = new NpgsqlBatchCommand(_noNewerDefinition);
        command.Parameters.Add(new NpgsqlParameter { Value = row.DefinitionId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = row.DefinitionVersion, NpgsqlDbType = NpgsqlDbType.Integer });
        return command;
    }

    /// <summary>The instance's update, failing unless it changed exactly the one row it names.</summary>
    private NpgsqlBatchCommand UpdateInstance(InstanceRow row, long expectedVersion, string? leaseOwner)
    {
        var command = new NpgsqlBatchCommand(Expecting(leaseOwner is null ? _updateInstance : _updateLeasedInstance, "1", InstanceCheckFailed));
        foreach (var column in InstanceRow.BurstColumns)
        {
            command.Parameters.Add(_instances.ParameterOf(row, column));
        }

        command.Parameters.Add(_instances.ParameterOf(row, nameof(InstanceRow.Id)));
        command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        if (leaseOwner is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = leaseOwner, NpgsqlDbType = NpgsqlDbType.Text });
        }

        return command;
    }

    /// <summary>A delete of every id, failing (with <paramref name="failure"/>) unless each one was still there.</summary>
    private static NpgsqlBatchCommand DeleteAll(DeleteById delete, string[] ids, string failure)
    {
        if (ids.Length == 1)
        {
            return DeleteOne(Expecting(delete.OfOne, "1", failure), ids[0]);
        }

        var command = new NpgsqlBatchCommand(Expecting(delete.OfMany, "$2", failure));
        command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = ids.Length, NpgsqlDbType = NpgsqlDbType.Integer });
        return command;
    }

    /// <summary>
    /// The statement, made to fail unless it affected exactly <paramref name="expected"/> rows: PostgreSQL has no
    /// assertion in plain SQL, but an arithmetic error aborts the statement, and with it the batch's transaction. Which
    /// error (<paramref name="failure"/>: a division by zero, or an integer out of range) tells which check failed.
    /// </summary>
    private static string Expecting(string statement, string expected, string failure)
    {
        var held = $"((SELECT count(*) FROM affected) = {expected})";
        var check = failure == InstanceCheckFailed ? $"1 / {held}::int" : $"2147483647 + (NOT {held})::int";
        return $"WITH affected AS ({statement} RETURNING 1) SELECT {check}";
    }

    private NpgsqlBatchCommand TakeSeen(AppliedStimulus applied, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(_takeSeenStimulus);
        command.Parameters.Add(new NpgsqlParameter { Value = applied.Id, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = applied.ExpiresAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = applied.FirstReceivedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }

    private static NpgsqlBatchCommand DeleteOne(string sql, string id)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    /// <summary>
    /// A table's delete by id, as two statements. A resume mostly removes one bookmark and one stimulus, and PostgreSQL
    /// plans <c>= ANY($1)</c> anew at every execution (its generic plan guesses a longer array and loses to the custom
    /// one), so one id gets a statement of its own, whose generic plan is kept.
    /// </summary>
    private sealed record DeleteById(string OfOne, string OfMany)
    {
        public static DeleteById On(PostgresRowShape table, string idProperty)
        {
            var delete = $"DELETE FROM {table.Table} WHERE {table.ColumnOf(idProperty)}";
            return new DeleteById($"{delete} = $1", $"{delete} = ANY($1)");
        }
    }
}

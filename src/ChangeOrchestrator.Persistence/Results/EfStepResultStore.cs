using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Results;

/// <summary>The per-server lists in the <c>step_results</c> table, read in keyset pages (activity, list, position).</summary>
internal sealed class EfStepResultStore(IDbContextFactory<WorkflowDbContext> contexts) : IStepResultStore
{
    private PostgresRowShape? _postgresRows;

    public async Task<ResultPage> ReadAsync(ResultQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<StepResultRow>().AsNoTracking().Where(r => r.InstanceId == query.InstanceId);
        if (query.Activity is { } activity)
        {
            rows = rows.Where(r => r.ActivityId == activity);
        }

        if (query.Name is { } name)
        {
            rows = rows.Where(r => r.Name == name);
        }

        if (query.State is { } state)
        {
            rows = rows.Where(r => r.State == state);
        }

        if (query.Server is { } server)
        {
            rows = rows.Where(r => r.ServerId != null && r.ServerId.Contains(server));
        }

        if (query.After is { } after)
        {
            rows = query.Activity is not null && query.Name is not null
                ? rows.Where(r => r.Ordinal > after.Ordinal)
                : rows.Where(r => string.Compare(r.ActivityId, after.Activity) > 0
                    || (r.ActivityId == after.Activity && (string.Compare(r.Name, after.Name) > 0 || (r.Name == after.Name && r.Ordinal > after.Ordinal))));
        }

        var page = await rows
            .OrderBy(r => r.ActivityId).ThenBy(r => r.Name).ThenBy(r => r.Ordinal)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);
        var next = page.Count > query.Limit ? page[query.Limit - 1] : null;
        return new ResultPage(
            page.Take(query.Limit).Select(r => r.ToItem()).ToList(),
            next is null ? null : new ResultKey(next.ActivityId, next.Name, next.Ordinal).ToToken());
    }

    public async Task WritePageAsync(string instanceId, ResultList page, int firstOrdinal, bool endsList, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = StepResultRow.From(instanceId, page, firstOrdinal).ToList();
        var end = endsList ? int.MaxValue : firstOrdinal + rows.Count;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<StepResultRow>()
            .Where(r => r.InstanceId == instanceId && r.ActivityId == page.Activity && r.Name == page.Name && r.Ordinal >= firstOrdinal && r.Ordinal < end)
            .ExecuteDeleteAsync(cancellationToken);
        if (rows.Count > 0 && db.Database.IsNpgsql())
        {
            // One statement of array parameters, as the burst commit writes its lists: a page is a thousand rows.
            _postgresRows ??= PostgresRowShape.Of<StepResultRow>(db.Model);
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                Transaction = (NpgsqlTransaction)transaction.GetDbTransaction(),
            };
            batch.BatchCommands.Add(_postgresRows.InsertColumns(rows));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else if (rows.Count > 0)
        {
            db.Set<StepResultRow>().AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ResultListSummary>> ListsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lists = await db.Set<StepResultRow>().AsNoTracking()
            .Where(r => r.InstanceId == instanceId)
            .GroupBy(r => new { r.ActivityId, r.Name })
            .Select(g => new { g.Key.ActivityId, g.Key.Name, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return lists
            .OrderBy(l => l.ActivityId.StartsWith('$')).ThenBy(l => l.ActivityId, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal)
            .Select(l => new ResultListSummary(l.ActivityId, l.Name, l.Count))
            .ToList();
    }
}

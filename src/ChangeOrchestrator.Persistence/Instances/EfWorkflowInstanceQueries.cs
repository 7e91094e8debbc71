using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// Paged instance lists. Instance ids are version-7 GUIDs (time-ordered), so "newest first, after this id" is a
/// keyset page on the primary key: the cost of a page does not grow with the number of instances.
/// </summary>
internal sealed class EfWorkflowInstanceQueries(IDbContextFactory<WorkflowDbContext> contexts) : IWorkflowInstanceQueries
{
    public async Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Matching(db, query);
        if (query.After is { } after)
        {
            rows = rows.Where(i => string.Compare(i.Id, after) < 0);
        }

        rows = rows.OrderByDescending(i => i.Id).Take(query.Limit + 1);
        if (query.SummaryOnly)
        {
            rows = rows.Select(i => new InstanceRow
            {
                Id = i.Id,
                DefinitionId = i.DefinitionId,
                DefinitionVersion = i.DefinitionVersion,
                CorrelationId = i.CorrelationId,
                Status = i.Status,
                Input = "{}",
                Variables = "{}",
                Steps = "{}",
                Activities = "{}",
                Queue = "[]",
                Incident = i.Incident,
                Cancelling = i.Cancelling,
                Version = i.Version,
                JournalSequence = i.JournalSequence,
                CreatedAt = i.CreatedAt,
                UpdatedAt = i.UpdatedAt,
                FinishedAt = i.FinishedAt,
            });
        }

        var page = await rows.ToListAsync(cancellationToken);
        var items = page.Take(query.Limit).Select(r => r.ToInstance()).ToList();
        return new InstancePage(items, page.Count > query.Limit ? items[^1].Id : null);
    }

    public async Task<long> CountAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Matching(db, query).LongCountAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<InstanceStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Set<InstanceRow>().AsNoTracking().GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Status, c => c.Count);
    }

    public async Task<IReadOnlyDictionary<string, long>> VersionsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        if (instanceIds.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        // The two columns only: a row's state is up to megabytes of JSON.
        return await db.Set<InstanceRow>().AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Version })
            .ToDictionaryAsync(i => i.Id, i => i.Version, StringComparer.Ordinal, cancellationToken);
    }

    private static IQueryable<InstanceRow> Matching(WorkflowDbContext db, InstanceQuery query)
    {
        var rows = db.Set<InstanceRow>().AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(i => i.Status == status);
        }

        if (query.DefinitionId is { } definitionId)
        {
            rows = rows.Where(i => i.DefinitionId == definitionId);
        }

        if (query.CorrelationId is { } correlationId)
        {
            rows = rows.Where(i => i.CorrelationId == correlationId);
        }

        if (query.Reference is { } reference)
        {
            var fragment = InstanceQuery.NumberFragment(reference);
            rows = rows.Where(i => i.CorrelationId == reference || i.Steps.Contains(fragment));
        }

        if (query.RaisedChange)
        {
            rows = rows.Where(i => i.Steps.Contains(InstanceQuery.DeskFragment));
        }

        if (query.WaitingActivity is { } activityId)
        {
            rows = rows.Where(i => db.Set<BookmarkRow>().Any(b => b.InstanceId == i.Id && b.ActivityId == activityId));
        }

        if (query.CreatedFrom is { } from)
        {
            var utc = from.ToUniversalTime();
            rows = rows.Where(i => i.CreatedAt >= utc);
        }

        if (query.CreatedBefore is { } before)
        {
            var utc = before.ToUniversalTime();
            rows = rows.Where(i => i.CreatedAt < utc);
        }

        return rows;
    }
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>A page of an instance's journal, read from the rows that hold it.</summary>
internal static class JournalPages
{
    /// <summary>
    /// The first <paramref name="limit"/> entries after <paramref name="afterSequence"/>. Every row past it holds at
    /// least one entry of the page, so the rows are read in key order and no further than the page needs.
    /// </summary>
    public static async Task<IReadOnlyList<JournalEntry>> ReadAsync(
        WorkflowDbContext db, string instanceId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var page = new List<JournalEntry>(Math.Min(limit, 256));
        if (limit <= 0)
        {
            return page;
        }

        var rows = db.Set<JournalBurstRow>().AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.LastSequence > afterSequence)
            .OrderBy(j => j.LastSequence)
            .Take(limit)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var entry in row.ToEntries())
            {
                if (entry.Sequence > afterSequence)
                {
                    page.Add(entry);
                    if (page.Count == limit)
                    {
                        return page;
                    }
                }
            }
        }

        return page;
    }
}

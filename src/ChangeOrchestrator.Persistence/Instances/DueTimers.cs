using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>Which timer bookmarks may fire now: due, not claimed by a node, and of an instance that can run.</summary>
internal static class DueTimers
{
    public static IQueryable<BookmarkRow> Query(WorkflowDbContext db, DateTimeOffset now) =>
        from b in db.Set<BookmarkRow>()
        join i in db.Set<InstanceRow>() on b.InstanceId equals i.Id
        where b.DueAt != null && b.DueAt <= now
            && (b.ClaimedUntil == null || b.ClaimedUntil <= now)
            && i.Status != InstanceStatus.Faulted && i.Status != InstanceStatus.Completed && i.Status != InstanceStatus.Cancelled
        select b;
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// Everything one burst changed, committed atomically: the new instance state, bookmarks created and consumed,
/// the journal entries that tell what happened, and the per-server lists stored apart from the instance.
/// </summary>
public sealed record BurstResult(
    WorkflowInstance Instance,
    IReadOnlyList<StoredBookmark> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarkIds,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<ResultReplacement>? Results = null)
{
    public IReadOnlyList<ResultReplacement> ResultLists => Results ?? [];
}

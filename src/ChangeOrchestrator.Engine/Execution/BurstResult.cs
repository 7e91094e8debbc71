namespace ChangeOrchestrator.Engine.Execution;

/// <summary>
/// Everything one burst changed, committed atomically: the new instance state, bookmarks created and consumed,
/// and the journal entries that tell what happened.
/// </summary>
public sealed record BurstResult(
    WorkflowInstance Instance,
    IReadOnlyList<StoredBookmark> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarkIds,
    IReadOnlyList<JournalEntry> Journal);

using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Engine.Execution;

/// <summary>The working state of one burst: a private copy of the instance and the changes collected for the commit.</summary>
internal sealed class ExecutionScope
{
    private readonly List<StoredBookmark> _bookmarks;
    private readonly List<StoredBookmark> _added = [];
    private readonly List<string> _removed = [];
    private readonly List<JournalEntry> _journal = [];

    public ExecutionScope(WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<StoredBookmark> bookmarks, TimeProvider time, IServiceProvider services)
    {
        Definition = definition;
        Graph = FlowGraph.For(definition);
        Instance = instance;
        Time = time;
        Services = services;
        _bookmarks = [.. bookmarks];
    }

    public WorkflowDefinition Definition { get; }

    public FlowGraph Graph { get; }

    public WorkflowInstance Instance { get; }

    public TimeProvider Time { get; }

    public IServiceProvider Services { get; }

    public ActivityRuntimeState StateOf(string activityId)
    {
        if (!Instance.Activities.TryGetValue(activityId, out var state))
        {
            Instance.Activities[activityId] = state = new ActivityRuntimeState();
        }

        return state;
    }

    public void AddBookmark(string activityId, Bookmark bookmark)
    {
        var stored = new StoredBookmark(Guid.CreateVersion7(Time.GetUtcNow()).ToString("N"), Instance.Id, activityId, bookmark, Time.GetUtcNow());
        _bookmarks.Add(stored);
        _added.Add(stored);
    }

    public void RemoveBookmarksOf(string activityId)
    {
        foreach (var bookmark in _bookmarks.Where(b => b.ActivityId == activityId).ToList())
        {
            _bookmarks.Remove(bookmark);
            if (_added.Remove(bookmark))
            {
                continue;
            }

            _removed.Add(bookmark.Id);
        }
    }

    public void Journal(JournalEntryType type, string? activityId, string? message = null, JsonNode? data = null)
    {
        Instance.JournalSequence++;
        _journal.Add(new JournalEntry(Instance.Id, Instance.JournalSequence, Time.GetUtcNow(), type, activityId, message, data?.DeepClone()));
    }

    public BurstResult ToResult() => new(Instance, _added, _removed, _journal);
}

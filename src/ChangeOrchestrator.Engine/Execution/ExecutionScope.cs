using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Execution;

/// <summary>The working state of one burst: a private copy of the instance and the changes collected for the commit.</summary>
internal sealed class ExecutionScope : IActivityScope
{
    private readonly List<StoredBookmark> _bookmarks;
    private readonly List<StoredBookmark> _added = [];
    private readonly List<string> _removed = [];
    private readonly List<JournalEntry> _journal = [];
    private readonly List<ResultReplacement> _results = [];
    private readonly int _inlineItems;

    public ExecutionScope(
        WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<StoredBookmark> bookmarks, TimeProvider time, IServiceProvider services,
        IStepResultStore results, int inlineItems)
    {
        _inlineItems = inlineItems;
        // An instance whose first burst this is has no row yet for lists to be written ahead against (version 0).
        Results = new ResultLoader(results, instance.Id, instance.Version > 0, PendingList, IsReplaced);
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

    /// <summary>Reads the per-server lists the instance's state refers to, those of this burst included.</summary>
    public ResultLoader Results { get; }

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

    /// <summary>
    /// Keeps a finished activity's output, its long arrays stored apart in this burst's commit: the instance keeps
    /// references and the counts beside them. Returns what is kept (and journaled).
    /// </summary>
    public JsonObject KeepOutput(string activityId, JsonObject output)
    {
        var lists = new List<ResultList>();
        ResultSpiller.Spill(output, activityId, string.Empty, _inlineItems, lists);

        // The lists the output names that the activity wrote while it ran are stored already, and stay.
        var written = OwnLists(output, activityId);
        written.ExceptWith(lists.Select(l => l.Name));
        if (lists.Count > 0 || ResultReference.Within(Instance.Steps[activityId]))
        {
            _results.Add(new ResultReplacement(activityId, null, lists) { Keeping = written });
        }

        Instance.Steps[activityId] = output;
        return output;
    }

    /// <summary>The output lists of <paramref name="activityId"/> that <paramref name="node"/> refers to.</summary>
    private static HashSet<string> OwnLists(JsonNode? node, string activityId) =>
        ResultReference.All(node)
            .SelectMany(ResultReference.Parts)
            .Where(p => p.Items is null && p.Activity == activityId && !p.Name.StartsWith('$'))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

    public void SetVariable(string name, JsonNode? value)
    {
        var kept = value?.DeepClone();
        var lists = new List<ResultList>();
        kept = ResultSpiller.Spill(kept, ResultReplacement.VariablesOwner, name, _inlineItems, lists);
        if (lists.Count > 0 || ResultReference.Within(Instance.Variables[name]))
        {
            _results.Add(new ResultReplacement(ResultReplacement.VariablesOwner, name, lists));
        }

        Instance.Variables[name] = kept;
    }

    /// <summary>
    /// Gives an activity its state with the lists it keeps there read back, or, for an activity that reads them itself
    /// (<paramref name="streamsState"/>), left as references; <see cref="KeepState"/> stores them apart again after the
    /// execution, writing only the lists that changed (a poll keeps its command's servers as they were).
    /// </summary>
    public async Task<Dictionary<string, (JsonObject Reference, JsonNode? Items)>> OpenStateAsync(
        ActivityRuntimeState state, bool streamsState, CancellationToken cancellationToken)
    {
        var opened = new Dictionary<string, (JsonObject Reference, JsonNode? Items)>(StringComparer.Ordinal);
        if (!ResultReference.Within(state.Data))
        {
            return opened;
        }

        foreach (var (name, value) in state.Data.ToList())
        {
            if (!ResultReference.Within(value))
            {
                continue;
            }

            if (streamsState)
            {
                CollectReferences(value, name, opened, items: null);
                continue;
            }

            var items = await Results.ResolveAsync(value, cancellationToken);
            CollectReferences(value, name, opened, items);
            state.Data[name] = items;
        }

        return opened;
    }

    public void KeepState(string activityId, ActivityRuntimeState state, Dictionary<string, (JsonObject Reference, JsonNode? Items)> opened)
    {
        var lists = new List<ResultList>();
        ResultSpiller.Spill(state.Data, activityId, ResultReplacement.StatePrefix, _inlineItems, lists);
        foreach (var list in lists)
        {
            if (opened.TryGetValue(list.Name, out var before) && before.Items is JsonArray old && old.Count == list.Items.Count
                && old.Zip(list.Items).All(p => JsonNode.DeepEquals(p.First, p.Second)))
            {
                // Unchanged since it was read: the stored list stays, and so does its reference.
                continue;
            }

            _results.Add(new ResultReplacement(activityId, list.Name, [list]));
        }

        var gone = opened.Keys.Where(n => lists.All(l => l.Name != n)).ToList();
        if (gone.Count == 0)
        {
            return;
        }

        // A list whose reference the state still holds (never read, by an activity that streams its state) stays.
        var referenced = new Dictionary<string, (JsonObject Reference, JsonNode? Items)>(StringComparer.Ordinal);
        CollectReferences(state.Data, string.Empty, referenced, items: null);
        foreach (var name in gone.Where(n => !referenced.ContainsKey(n)))
        {
            _results.Add(new ResultReplacement(activityId, name, []));
        }
    }

    public BurstResult ToResult() => new(Instance, _added, _removed, _journal, _results);

    private static void CollectReferences(JsonNode? node, string path, Dictionary<string, (JsonObject Reference, JsonNode? Items)> opened, JsonNode? items)
    {
        switch (node)
        {
            case JsonObject obj when ResultReference.Is(obj):
                foreach (var (_, name, _) in ResultReference.Parts(obj))
                {
                    opened[name] = (obj, items);
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    CollectReferences(value, $"{path}.{name}", opened, (items as JsonObject)?[name]);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CollectReferences(array[i], path, opened, items is JsonArray copy && i < copy.Count ? copy[i] : null);
                }

                break;
        }
    }

    private ResultList? PendingList(string activity, string name) =>
        _results.LastOrDefault(r => r.Covers(activity, name))?.Lists.FirstOrDefault(l => l.Activity == activity && l.Name == name);

    private bool IsReplaced(string activity, string name) => _results.Any(r => r.Covers(activity, name));
}

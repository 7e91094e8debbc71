using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Persistence.InMemory;

/// <summary>The per-server lists of the in-memory store; callers hold the store's lock.</summary>
internal sealed class InMemoryStepResults
{
    private readonly Dictionary<string, SortedDictionary<(string Activity, string Name), List<ResultItem>>> _lists = new(StringComparer.Ordinal);

    public void Apply(string instanceId, IReadOnlyList<ResultReplacement> replacements)
    {
        foreach (var replacement in replacements)
        {
            if (!_lists.TryGetValue(instanceId, out var lists))
            {
                _lists[instanceId] = lists = new SortedDictionary<(string, string), List<ResultItem>>(KeyOrder.Instance);
            }

            foreach (var key in lists.Keys.Where(k => replacement.Covers(k.Activity, k.Name)).ToList())
            {
                lists.Remove(key);
            }

            foreach (var list in replacement.Lists)
            {
                lists[(list.Activity, list.Name)] = [.. Items(list, 0)];
            }
        }
    }

    public void WritePage(string instanceId, ResultList page, int firstOrdinal, bool endsList)
    {
        if (!_lists.TryGetValue(instanceId, out var lists))
        {
            _lists[instanceId] = lists = new SortedDictionary<(string, string), List<ResultItem>>(KeyOrder.Instance);
        }

        if (!lists.TryGetValue((page.Activity, page.Name), out var items))
        {
            lists[(page.Activity, page.Name)] = items = [];
        }

        var end = firstOrdinal + page.Items.Count;
        items.RemoveAll(i => i.Ordinal >= firstOrdinal && (endsList || i.Ordinal < end));

        // A page usually follows the last one written: only a page written over earlier items needs the list re-sorted.
        var appends = items.Count == 0 || items[^1].Ordinal < firstOrdinal;
        items.AddRange(Items(page, firstOrdinal));
        if (!appends)
        {
            items.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        }
        if (items.Count == 0)
        {
            lists.Remove((page.Activity, page.Name));
        }
    }

    public ResultPage Read(ResultQuery query)
    {
        if (!_lists.TryGetValue(query.InstanceId, out var lists))
        {
            return new ResultPage([], null);
        }

        var matching = lists
            .Where(l => (query.Activity is null || l.Key.Activity == query.Activity) && (query.Name is null || l.Key.Name == query.Name))
            .SelectMany(l => l.Value)
            .Where(i => query.After is not { } after || IsAfter(i, after))
            .Where(i => query.Server is null || (i.ServerId?.Contains(query.Server, StringComparison.Ordinal) ?? false))
            .Where(i => query.State is null || i.State == query.State)
            .Take(query.Limit + 1)
            .Select(i => i with { Data = i.Data?.DeepClone() })
            .ToList();
        var next = matching.Count > query.Limit ? matching[query.Limit - 1] : null;
        return new ResultPage(matching.Take(query.Limit).ToList(), next is null ? null : new ResultKey(next.Activity, next.Name, next.Ordinal).ToToken());
    }

    public IReadOnlyList<ResultListSummary> Lists(string instanceId) =>
        _lists.TryGetValue(instanceId, out var lists) ? [.. lists.Select(l => new ResultListSummary(l.Key.Activity, l.Key.Name, l.Value.Count))] : [];

    private static IEnumerable<ResultItem> Items(ResultList list, int firstOrdinal) =>
        list.Items.Select((item, i) => new ResultItem(
            list.Activity, list.Name, firstOrdinal + i, ResultReference.ServerOf(item), ResultReference.StateOf(item), item?.DeepClone()));

    private static bool IsAfter(ResultItem item, ResultKey after)
    {
        var order = KeyOrder.Instance.Compare((item.Activity, item.Name), (after.Activity, after.Name));
        return order > 0 || (order == 0 && item.Ordinal > after.Ordinal);
    }

    private sealed class KeyOrder : IComparer<(string Activity, string Name)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string Activity, string Name) x, (string Activity, string Name) y)
        {
            var activity = string.CompareOrdinal(x.Activity, y.Activity);
            return activity != 0 ? activity : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}

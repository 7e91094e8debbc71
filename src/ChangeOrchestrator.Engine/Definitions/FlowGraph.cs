using System.Runtime.CompilerServices;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>The connections of a definition indexed for the interpreter; built once per immutable definition.</summary>
public sealed class FlowGraph
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, FlowGraph> Cache = [];

    private readonly Dictionary<(string From, string Outcome), List<string>> _outgoing = [];
    private readonly Dictionary<string, List<string>> _incomingSources = [];
    private readonly Dictionary<string, List<string>> _successors = [];
    private readonly Dictionary<string, HashSet<string>> _reachingCache = [];
    private readonly Dictionary<string, bool> _completesOnceCache = new(StringComparer.Ordinal);
    private readonly Lock _reachingLock = new();

    private FlowGraph(WorkflowDefinition definition)
    {
        foreach (var connection in definition.Connections)
        {
            Add(_outgoing, (connection.From, connection.Outcome), connection.To);
            AddDistinct(_incomingSources, connection.To, connection.From);
            AddDistinct(_successors, connection.From, connection.To);
        }

        var roots = definition.Activities.Where(a => !_incomingSources.ContainsKey(a.Id) && a.Id != definition.Cancel).Select(a => a.Id).ToList();
        Roots = roots;
        Start = definition.Start ?? (roots.Count == 1 ? roots[0] : null);
    }

    /// <summary>Activities without an incoming connection (the cancel path's first activity excluded).</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>The activity an instance starts at, or null when the definition does not say and several roots exist.</summary>
    public string? Start { get; }

    public static FlowGraph For(WorkflowDefinition definition) => Cache.GetValue(definition, d => new FlowGraph(d));

    public IReadOnlyList<string> Targets(string from, string outcome) =>
        _outgoing.TryGetValue((from, outcome), out var targets) ? targets : [];

    public bool HasConnection(string from, string outcome) => _outgoing.ContainsKey((from, outcome));

    public IReadOnlyList<string> IncomingSources(string to) => _incomingSources.TryGetValue(to, out var sources) ? sources : [];

    public IReadOnlyList<string> Successors(string from) => _successors.TryGetValue(from, out var next) ? next : [];

    /// <summary>Every activity from which <paramref name="target"/> can be reached (the branches that lead into it).</summary>
    public IReadOnlySet<string> ActivitiesReaching(string target)
    {
        lock (_reachingLock)
        {
            if (_reachingCache.TryGetValue(target, out var cached))
            {
                return cached;
            }

            var reaching = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([target]);
            while (pending.TryPop(out var current))
            {
                foreach (var source in IncomingSources(current))
                {
                    if (reaching.Add(source))
                    {
                        pending.Push(source);
                    }
                }
            }

            reaching.Remove(target);
            _reachingCache[target] = reaching;
            return reaching;
        }
    }

    /// <summary>
    /// True when the activity can complete at most once in a run: no path of connections leads from it back to itself,
    /// and no activity before it starts parallel branches (an outcome connected to several activities), which could
    /// reach it twice.
    /// </summary>
    public bool CompletesOnce(string activityId)
    {
        var reaching = ActivitiesReaching(activityId);
        lock (_reachingLock)
        {
            if (!_completesOnceCache.TryGetValue(activityId, out var once))
            {
                var inCycle = Successors(activityId).Any(next => ReachableFrom(next).Contains(activityId));
                var forkBefore = _outgoing.Any(c => c.Value.Count > 1 && reaching.Contains(c.Key.From));
                _completesOnceCache[activityId] = once = !inCycle && !forkBefore;
            }

            return once;
        }
    }

    /// <summary>Every activity reachable from <paramref name="from"/>, itself included.</summary>
    public HashSet<string> ReachableFrom(string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            foreach (var next in Successors(current))
            {
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    private static void Add<TKey>(Dictionary<TKey, List<string>> map, TKey key, string value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static void AddDistinct(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }
}

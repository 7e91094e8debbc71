using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// Where each activity of a flowchart is drawn: at the designer positions when every activity has one, otherwise in
/// layers by the longest path from the start (loops broken at the edge that closes them), top to bottom.
/// </summary>
public sealed class FlowchartLayout
{
    public const double NodeWidth = 200;
    public const double NodeHeight = 34;
    private const double ColumnGap = 20;
    private const double RowGap = 36;
    private const double Margin = 12;

    private FlowchartLayout(Dictionary<string, (double X, double Y)> positions)
    {
        Positions = positions;
        Width = positions.Count == 0 ? 0 : positions.Values.Max(p => p.X) + NodeWidth + Margin;
        Height = positions.Count == 0 ? 0 : positions.Values.Max(p => p.Y) + NodeHeight + Margin;
    }

    /// <summary>Top-left corner of each activity's box.</summary>
    public IReadOnlyDictionary<string, (double X, double Y)> Positions { get; }

    public double Width { get; }

    public double Height { get; }

    public static FlowchartLayout For(WorkflowDefinition definition)
    {
        if (definition.Activities.Count > 0 && definition.Activities.All(a => a.Position is not null))
        {
            var minX = definition.Activities.Min(a => a.Position!.X);
            var minY = definition.Activities.Min(a => a.Position!.Y);
            return new FlowchartLayout(definition.Activities.ToDictionary(a => a.Id, a => (a.Position!.X - minX + Margin, a.Position!.Y - minY + Margin)));
        }

        var layers = Layers(definition);
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var group in layers.GroupBy(l => l.Value).OrderBy(g => g.Key))
        {
            var column = 0;
            foreach (var id in group.Select(g => g.Key))
            {
                positions[id] = (Margin + (column++ * (NodeWidth + ColumnGap)), Margin + (group.Key * (NodeHeight + RowGap)));
            }
        }

        return new FlowchartLayout(positions);
    }

    private static Dictionary<string, int> Layers(WorkflowDefinition definition)
    {
        var ids = definition.Activities.Select(a => a.Id).ToList();
        var outgoing = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var connection in definition.Connections.Where(c => outgoing.ContainsKey(c.From) && outgoing.ContainsKey(c.To)))
        {
            outgoing[connection.From].Add(connection.To);
        }

        var roots = new List<string>();
        if (definition.Start is { } start && outgoing.ContainsKey(start))
        {
            roots.Add(start);
        }

        var targets = definition.Connections.Select(c => c.To).ToHashSet(StringComparer.Ordinal);
        roots.AddRange(ids.Where(id => !targets.Contains(id) && !roots.Contains(id)));
        roots.AddRange(ids.Where(id => !roots.Contains(id)));

        // Depth-first from the roots: an edge to an activity still on the stack closes a loop and is left out.
        var forward = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            Visit(root, outgoing, forward, state);
        }

        var order = TopologicalOrder(ids, forward);
        var layer = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var id in order)
        {
            foreach (var target in forward[id])
            {
                layer[target] = Math.Max(layer[target], layer[id] + 1);
            }
        }

        return layer;
    }

    private static void Visit(string root, Dictionary<string, List<string>> outgoing, Dictionary<string, List<string>> forward, Dictionary<string, int> state)
    {
        if (state.ContainsKey(root))
        {
            return;
        }

        // An explicit stack: flowcharts of hundreds of activities must not exhaust the call stack.
        var stack = new Stack<(string Id, int Next)>();
        stack.Push((root, 0));
        state[root] = 1;
        while (stack.Count > 0)
        {
            var (id, next) = stack.Pop();
            if (next < outgoing[id].Count)
            {
                stack.Push((id, next + 1));
                var target = outgoing[id][next];
                if (!state.TryGetValue(target, out var seen))
                {
                    forward[id].Add(target);
                    state[target] = 1;
                    stack.Push((target, 0));
                }
                else if (seen == 2)
                {
                    forward[id].Add(target);
                }
            }
            else
            {
                state[id] = 2;
            }
        }
    }

    private static List<string> TopologicalOrder(List<string> ids, Dictionary<string, List<string>> forward)
    {
        var incoming = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var target in forward.Values.SelectMany(t => t))
        {
            incoming[target]++;
        }

        var ready = new Queue<string>(ids.Where(id => incoming[id] == 0));
        var order = new List<string>(ids.Count);
        while (ready.Count > 0)
        {
            var id = ready.Dequeue();
            order.Add(id);
            foreach (var target in forward[id])
            {
                if (--incoming[target] == 0)
                {
                    ready.Enqueue(target);
                }
            }
        }

        return order;
    }
}

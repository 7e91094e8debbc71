namespace ChangeOrchestrator.Engine.Publishing;

/// <summary>Tarjan's strongly connected components: each cycle of a graph is inside one component.</summary>
internal static class StronglyConnected
{
    public static List<List<string>> Components(IEnumerable<string> nodes, Func<string, IReadOnlyList<string>> successors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        var counter = 0;

        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;

        // Iterative to stay safe on large generated flowcharts.
        void Visit(string root)
        {
            var work = new Stack<(string Node, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);

            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var targets = successors(node);
                if (next < targets.Count)
                {
                    work.Push((node, next + 1));
                    var target = targets[next];
                    if (!index.ContainsKey(target))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    component.Reverse();
                    components.Add(component);
                }
            }
        }
    }
}

namespace ChangeOrchestrator.IntegrationTests.Architecture;

/// <summary>
/// The dependencies between the feature folders (first-level namespaces) of one project, read from the compiled
/// types, and the cycles among them. Slices in the architecture library are whole namespaces, so a feature folder
/// with sub-folders would count as several; this groups them as the layout does.
/// </summary>
internal static class FeatureFolders
{
    /// <summary>Each cycle as its folders and, per folder it leaves, one type dependency that makes the step.</summary>
    public static IReadOnlyList<string> Cycles(string project)
    {
        var prefix = $"ChangeOrchestrator.{project}.";
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in ProductAssemblies.Loaded.Types)
        {
            if (Folder(type.Namespace?.FullName, prefix) is not { } from)
            {
                continue;
            }

            var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies)
            {
                if (Folder(dependency.Target.Namespace?.FullName, prefix) is { } to && to != from)
                {
                    targets.TryAdd(to, $"{type.FullName} -> {dependency.Target.FullName}");
                }
            }
        }

        return [.. StronglyConnected(edges).Where(component => component.Count > 1).Select(component => Describe(component, edges))];
    }

    private static string? Folder(string? ns, string prefix) =>
        ns is not null && ns.StartsWith(prefix, StringComparison.Ordinal) ? ns[prefix.Length..].Split('.')[0] : null;

    private static string Describe(IReadOnlyList<string> component, Dictionary<string, Dictionary<string, string>> edges)
    {
        var inside = component.ToHashSet(StringComparer.Ordinal);
        var steps = component.SelectMany(from => edges[from].Where(e => inside.Contains(e.Key)).Select(e => $"  {from} -> {e.Key}: {e.Value}"));
        return $"{string.Join(", ", component.Order(StringComparer.Ordinal))}\n{string.Join("\n", steps)}";
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets.Keys.ToList() : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
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
                components.Add(component);
            }
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }
}

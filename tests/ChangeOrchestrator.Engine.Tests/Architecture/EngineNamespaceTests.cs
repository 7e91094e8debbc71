using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace ChangeOrchestrator.Engine.Tests.Architecture;

[Collection(nameof(ArchitectureCollection))]
public sealed class EngineNamespaceTests
{
    private const string Root = "ChangeOrchestrator.Engine.";

    private static readonly Lazy<ArchitectureModel> EngineAssembly = new(() =>
        new ArchLoader().LoadAssemblies(typeof(EngineServiceCollectionExtensions).Assembly).Build());

    [Fact]
    public void Namespaces_DependOnEachOther_WithoutCycles()
    {
        Slices().Matching(Root + "(**)").Should().BeFreeOfCycles().Check(EngineAssembly.Value);
    }

    [Fact]
    public void Folders_DependOnEachOther_WithoutCycles()
    {
        // A folder with its subfolders counts as one: Activities/Flow depending on Instances and Instances on
        // Activities would be a cycle between two folders even though no single namespace closes it.
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in EngineAssembly.Value.Types)
        {
            var from = Folder(type.Namespace.FullName);
            if (from is null)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                var to = Folder(dependency.Target.Namespace.FullName);
                if (to is not null && to != from)
                {
                    if (!edges.TryGetValue(from, out var targets))
                    {
                        edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
                    }

                    targets.TryAdd(to, $"{type.FullName} -> {dependency.Target.FullName}");
                }
            }
        }

        var cycle = FindCycle(edges);

        Assert.True(cycle is null, cycle is null ? null : "Folders depend on each other in a cycle:\n" + string.Join("\n",
            cycle.Zip(cycle.Skip(1).Append(cycle[0]), (a, b) => $"{a} -> {b} (e.g. {edges[a][b]})")));
    }

    private static string? Folder(string ns) =>
        ns.StartsWith(Root, StringComparison.Ordinal) ? ns[Root.Length..].Split('.')[0] : null;

    private static List<string>? FindCycle(Dictionary<string, Dictionary<string, string>> edges)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = true;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (state.TryGetValue(next, out var onPath))
                {
                    if (onPath)
                    {
                        return path[path.IndexOf(next)..];
                    }

                    continue;
                }

                if (Visit(next) is { } found)
                {
                    return found;
                }
            }

            state[node] = false;
            path.RemoveAt(path.Count - 1);
            return null;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!state.ContainsKey(node) && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}

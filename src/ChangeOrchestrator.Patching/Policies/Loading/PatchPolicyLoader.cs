using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>
/// Reads every <c>*.yaml</c> / <c>*.yml</c> file under a folder into one <see cref="PatchPolicy"/>. Any file may hold
/// any section (<c>baselines</c>, <c>patchGroups</c>, <c>maintenanceWindows</c>, <c>slas</c>, <c>exceptions</c>);
/// names must be unique across files and references must resolve. Every error is reported with file, line and field.
/// </summary>
public static class PatchPolicyLoader
{
    private static readonly string[] Sections = ["baselines", "patchGroups", "maintenanceWindows", "slas", "exceptions"];

    public static async Task<PolicyLoadResult> LoadDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return new PolicyLoadResult(null, [new PolicyError(directory, 0, "", "no such folder")], []);
        }

        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sources = new List<(string File, string Text)>();
        foreach (var file in files)
        {
            sources.Add((file, await File.ReadAllTextAsync(file, cancellationToken)));
        }

        return Load(sources);
    }

    /// <summary>Reads policy text already in memory, e.g. a request body; each entry's name stands for its file.</summary>
    public static PolicyLoadResult Load(IReadOnlyList<(string File, string Text)> sources)
    {
        var context = new PolicyReadContext();
        var baselines = new List<BaselinePolicy>();
        var groups = new List<PatchGroupPolicy>();
        var windows = new List<MaintenanceWindowPolicy>();
        var slas = new List<(ComplianceSla Sla, SourceLocation At)>();
        var exceptions = new List<PatchExemption>();
        foreach (var (file, text) in sources)
        {
            context.File = file;
            if (Parse(text, context) is not { } root)
            {
                continue;
            }

            root.Only(Sections);
            baselines.AddRange(root.Objects("baselines", "name").Select(BaselineReader.Read).OfType<BaselinePolicy>());
            groups.AddRange(root.Objects("patchGroups", "name").Select(PatchGroupReader.Read).OfType<PatchGroupPolicy>());
            windows.AddRange(root.Objects("maintenanceWindows", "name").Select(MaintenanceWindowReader.Read).OfType<MaintenanceWindowPolicy>());
            exceptions.AddRange(root.Objects("exceptions").Select(ExceptionReader.Read).OfType<PatchExemption>());
            if (root.Object("slas") is { } slaSection)
            {
                slas.AddRange(ReadSlas(slaSection));
            }
        }

        CheckReferences(context, baselines, groups, windows, slas);
        var policy = new PatchPolicy
        {
            Baselines = baselines,
            PatchGroups = groups,
            MaintenanceWindows = windows,
            Slas = [.. slas.Select(s => s.Sla)],
            Exceptions = exceptions,
            Fields = context.Fields,
        };
        // In file and line order, as an editor lists problems; errors on one line keep the order they were found in.
        var errors = context.Errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        return new PolicyLoadResult(errors.Count == 0 ? policy : null, errors, [.. sources.Select(s => s.File)]);
    }

    private static YamlObject? Parse(string text, PolicyReadContext context)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            context.Errors.Add(new PolicyError(context.File, (int)error.Start.Line, "", $"is not valid YAML: {error.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            context.Error(stream.Documents[0].RootNode, "", "must be one YAML document whose top level maps sections (baselines, patchGroups, ...) to their content");
            return null;
        }

        return new YamlObject(root, "", context);
    }

    private static IEnumerable<(ComplianceSla, SourceLocation)> ReadSlas(YamlObject section)
    {
        foreach (var key in section.Node.Children.Keys.OfType<YamlScalarNode>())
        {
            var severity = key.Value ?? "";
            if (!PolicyRules.SlaSeverities.Contains(severity, StringComparer.Ordinal))
            {
                section.Error(severity, $"'{severity}' is not a severity; use {string.Join(", ", PolicyRules.SlaSeverities)}");
                continue;
            }

            if (section.Int(severity, 1, 3650, required: true) is { } days)
            {
                yield return (new ComplianceSla(severity, days), section.Context.At(key));
            }
        }
    }

    private static void CheckReferences(
        PolicyReadContext context,
        List<BaselinePolicy> baselines,
        List<PatchGroupPolicy> groups,
        List<MaintenanceWindowPolicy> windows,
        List<(ComplianceSla Sla, SourceLocation At)> slas)
    {
        Unique(context, baselines, b => b.Name, b => b.Location!, "baselines", "baseline");
        Unique(context, groups, g => g.Name, g => g.Location!, "patchGroups", "patch group");
        Unique(context, windows, w => w.Name, w => w.Location!, "maintenanceWindows", "maintenance window");
        foreach (var duplicate in slas.GroupBy(s => s.Sla.Severity).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            context.Error(duplicate.At, $"slas.{duplicate.Sla.Severity}", "is given more than once");
        }

        foreach (var group in groups)
        {
            foreach (var (os, name) in group.Baselines)
            {
                var field = $"patchGroups[{group.Name}].baselines.{os}";
                var at = context.Fields.GetValueOrDefault(field) ?? group.Location!;
                var baseline = baselines.Find(b => b.Name == name);
                if (baseline is null)
                {
                    context.Error(at, field, $"no baseline is named '{name}'; declared: {string.Join(", ", baselines.Select(b => b.Name))}");
                }
                else if (baseline.OperatingSystem != os)
                {
                    context.Error(at, field, $"baseline '{name}' is for {baseline.OperatingSystem}, not {os}");
                }
            }
        }

        foreach (var window in windows)
        {
            foreach (var name in window.PatchGroups.Where(n => !groups.Exists(g => g.Name == n)))
            {
                var field = $"maintenanceWindows[{window.Name}].patchGroups";
                context.Error(context.Fields.GetValueOrDefault(field) ?? window.Location!, field, $"no patch group is named '{name}'");
            }
        }
    }

    private static void Unique<T>(PolicyReadContext context, List<T> items, Func<T, string> name, Func<T, SourceLocation> at, string section, string noun)
    {
        foreach (var group in items.GroupBy(name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = at(group.First());
            foreach (var duplicate in group.Skip(1))
            {
                context.Error(at(duplicate), $"{section}[{group.Key}].name", $"another {noun} has this name ({first})");
            }
        }
    }
}

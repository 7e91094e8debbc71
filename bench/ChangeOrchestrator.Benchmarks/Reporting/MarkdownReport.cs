using System.Text;
using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Reporting;

/// <summary>The run as a page a person reads: where and with what it ran, the targets, then each scenario's figures.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var text = new StringBuilder();
        Line(text, "# Benchmark results");
        Line(text);
        Line(text, $"Run {report.StartedAt:yyyy-MM-dd HH:mm} UTC{(report.Commit is { } c ? $" on commit `{c}`" : "")}, "
            + $"{(report.Quick ? "quick" : "full")} size, {report.Repetitions} repetitions per scenario, {report.Seconds:F0} s in all. "
            + "Each figure is the median of the repetitions, with the lowest and highest beside it. See bench/README.md for how to read them.");
        Line(text);
        Machine(text, report);
        Targets(text, report.Targets);
        foreach (var scenario in report.Scenarios)
        {
            Scenario(text, scenario, report.Servers);
        }

        return text.ToString();
    }

    private static void Machine(StringBuilder text, BenchReport report)
    {
        var machine = report.Machine;
        var versions = report.Versions;
        Line(text, "## Machine and versions");
        Line(text);
        Line(text, "| what | value |");
        Line(text, "| --- | --- |");
        Line(text, $"| cores | {machine.Cores} |");
        Line(text, $"| memory | {machine.MemoryGiB} GiB |");
        Line(text, $"| OS | {machine.Os} ({machine.Architecture}) |");
        Line(text, $"| CPU | {machine.Cpu} |");
        Line(text, $"| load average (1 / 5 / 15 min), start → end | {report.LoadAtStart} → {report.LoadAtEnd} |");
        Line(text, $"| .NET | {versions.Dotnet} |");
        Line(text, $"| PostgreSQL | {versions.PostgreSql ?? "not used"} |");
        foreach (var server in report.Servers)
        {
            Line(text, $"| PostgreSQL `{server.Mode}` server, as it reported itself | {server.Settings} |");
        }

        Line(text, $"| SQLite | {versions.Sqlite} |");
        foreach (var (package, version) in versions.Packages)
        {
            Line(text, $"| {package} | {version} |");
        }

        Line(text);
    }

    private static void Targets(StringBuilder text, IReadOnlyList<TargetVerdict> targets)
    {
        if (targets.Count == 0)
        {
            return;
        }

        Line(text, "## Targets");
        Line(text);
        Line(text, "| target | figure | median | min | max | met |");
        Line(text, "| --- | --- | ---: | ---: | ---: | --- |");
        foreach (var target in targets)
        {
            var met = target.Met switch
            {
                true => "yes",
                false => "**no**",
                null => "not measured",
            };
            Line(text, $"| {target.Description} | `{target.Scenario}/{target.Figure}` | {Number(target.Median)} | {Number(target.Min)} | {Number(target.Max)} | {met} |");
        }

        Line(text);
    }

    private static void Scenario(StringBuilder text, ScenarioResult scenario, IReadOnlyList<PostgresServer> servers)
    {
        Line(text, $"## {scenario.Title}");
        Line(text);
        Line(text, $"`{scenario.Name}`, {scenario.Repetitions} repetitions, {scenario.Seconds:F0} s. {scenario.Description}");
        Line(text);
        foreach (var note in scenario.Notes)
        {
            Line(text, $"- {note}");
        }

        Line(text);
        if (scenario.Error is { } error)
        {
            Line(text, "**The scenario failed:**");
            Line(text);
            Line(text, "```");
            Line(text, error);
            Line(text, "```");
            Line(text);
        }

        if (scenario.Figures.Count == 0)
        {
            return;
        }

        var onServers = servers.Where(s => scenario.Figures.Any(f => f.Name.StartsWith(s.Mode + ".", StringComparison.Ordinal))).ToArray();
        if (onServers.Length > 1)
        {
            SideBySide(text, scenario.Figures, onServers);
            return;
        }

        Line(text, "| figure | unit | median | min | max |");
        Line(text, "| --- | --- | ---: | ---: | ---: |");
        foreach (var figure in scenario.Figures)
        {
            Line(text, $"| `{figure.Name}` | {figure.Unit} | {Number(figure.Median)} | {Number(figure.Min)} | {Number(figure.Max)} |");
        }

        Line(text);
    }

    /// <summary>
    /// The figures of a scenario run on several servers, one row per figure and one column per server (median, with
    /// min–max), so the settings' effect on each figure and ratio reads across a line.
    /// </summary>
    private static void SideBySide(StringBuilder text, IReadOnlyList<FigureSummary> figures, IReadOnlyList<PostgresServer> servers)
    {
        var byName = figures.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var names = figures
            .Select(f => servers.FirstOrDefault(s => f.Name.StartsWith(s.Mode + ".", StringComparison.Ordinal)) is { } s ? f.Name[(s.Mode.Length + 1)..] : f.Name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Line(text, $"| figure | unit | {string.Join(" | ", servers.Select(s => $"`{s.Mode}`: {s.Settings}"))} |");
        Line(text, $"| --- | --- | {string.Join(" | ", servers.Select(_ => "---:"))} |");
        foreach (var name in names)
        {
            var cells = servers.Select(s => byName.TryGetValue($"{s.Mode}.{name}", out var f)
                ? $"{Number(f.Median)} ({Number(f.Min)}–{Number(f.Max)})"
                : "–").ToArray();
            var unit = servers.Select(s => byName.GetValueOrDefault($"{s.Mode}.{name}")?.Unit).FirstOrDefault(u => u is not null) ?? "";
            Line(text, $"| `{name}` | {unit} | {string.Join(" | ", cells)} |");
        }

        Line(text);
    }

    private static string Number(double? value) => value is { } v ? NumberText.Format(v) : "–";

    // The process runs with invariant globalization, so interpolated numbers are formatted the same everywhere.
    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}

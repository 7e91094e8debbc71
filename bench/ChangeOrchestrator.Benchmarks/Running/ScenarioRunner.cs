using System.Diagnostics;
using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>Runs a scenario the configured number of times and summarises each figure over the repetitions.</summary>
internal sealed class ScenarioRunner(BenchSizes sizes, TextWriter log)
{
    public async Task<ScenarioResult> RunAsync(IScenario scenario, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var repetitions = new List<IReadOnlyList<Figure>>();
        string? error = null;
        try
        {
            var count = scenario is ISelfRepeatingScenario own ? own.Repetitions : sizes.Repetitions;

            // One unmeasured repetition first: until tiered compilation has optimised the hot paths, a first run is
            // up to twice as slow as the next ones, which would only widen the spread.
            if (scenario is not ISelfRepeatingScenario { WarmUp: false })
            {
                await scenario.RunOnceAsync(cancellationToken);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{scenario.Name}] warm-up repetition done ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)"));
            }

            for (var repetition = 1; repetition <= count; repetition++)
            {
                var figures = await scenario.RunOnceAsync(cancellationToken);
                repetitions.Add(figures);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{scenario.Name}] repetition {repetition}/{count} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s): ")
                    + string.Join(", ", figures.Select(f => $"{f.Name}={NumberText.Format(f.Value)}")));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken scenario is reported with what it measured so far; the others still run.
            error = ex.ToString();
            log.WriteLine($"[{scenario.Name}] failed: {ex.Message}");
        }
        finally
        {
            // What a scenario keeps across its repetitions (the history scenario's seeded databases) goes at the end.
            if (scenario is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        var summaries = FigureSummary.Aggregate(repetitions);
        return new ScenarioResult(
            scenario.Name,
            scenario.Title,
            scenario.Description,
            scenario.Notes,
            repetitions.Count,
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            summaries,
            [.. scenario.Targets.Select(t => TargetVerdict.For(scenario.Name, t, summaries))],
            error);
    }
}

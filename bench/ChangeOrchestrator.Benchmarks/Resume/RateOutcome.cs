using System.Diagnostics;
using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Resume;

/// <summary>
/// The latencies of one offered rate and whether the engine kept up: it did when it resumed at least 90% of the
/// offered rate and the median latency of the last quarter of events stayed within twice that of the first quarter
/// (plus 5 ms, so a few milliseconds of jitter on a tiny median do not count as growth).
/// </summary>
internal sealed record RateOutcome(int OfferedRate, double AchievedRate, double P50, double P95, double P99, double Max, double Growth, bool Sustained)
{
    private const double AbsoluteGrowthAllowanceMs = 5;

    public static RateOutcome From(int offeredRate, long[] due, long[] resumed)
    {
        var latencies = due.Select((d, i) => Milliseconds(resumed[i] - d)).ToArray();
        var quarter = Math.Max(1, latencies.Length / 4);
        var first = Statistics.Median(latencies[..quarter]);
        var last = Statistics.Median(latencies[^quarter..]);
        var achieved = due.Length / Seconds(resumed.Max() - due[0]);
        var sustained = achieved >= 0.9 * offeredRate && last <= (2 * first) + AbsoluteGrowthAllowanceMs;
        return new RateOutcome(
            offeredRate,
            achieved,
            Statistics.Percentile(latencies, 50),
            Statistics.Percentile(latencies, 95),
            Statistics.Percentile(latencies, 99),
            latencies.Max(),
            last / Math.Max(first, 0.001),
            sustained);
    }

    public IEnumerable<Figure> ToFigures(string store)
    {
        var prefix = $"{store}.r{OfferedRate}";
        yield return new Figure($"{prefix}.p50", "ms", P50);
        yield return new Figure($"{prefix}.p95", "ms", P95);
        yield return new Figure($"{prefix}.p99", "ms", P99);
        yield return new Figure($"{prefix}.max", "ms", Max);
        yield return new Figure($"{prefix}.achieved", "events/s", AchievedRate);
        yield return new Figure($"{prefix}.growth", "× (last/first quarter p50)", Growth);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}

using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Expressions;

/// <summary>
/// What happened to runaway expressions evaluated concurrently: each must end in an ExpressionException (stopped);
/// one that returned, failed otherwise or never came back escaped its limits.
/// </summary>
internal sealed record RunawayOutcome(int Evaluated, int Stopped, IReadOnlyList<double> StopMilliseconds)
{
    public int Escaped => Evaluated - Stopped;

    public IEnumerable<Figure> ToFigures(string prefix)
    {
        yield return new Figure($"{prefix}.evaluated", "evaluations", Evaluated);
        yield return new Figure($"{prefix}.stopped-share", "fraction", Evaluated == 0 ? 0 : (double)Stopped / Evaluated);
        yield return new Figure($"{prefix}.stop-ms.p50", "ms", Statistics.Percentile(StopMilliseconds, 50));
        yield return new Figure($"{prefix}.stop-ms.max", "ms", StopMilliseconds.Count == 0 ? double.NaN : StopMilliseconds.Max());
    }
}

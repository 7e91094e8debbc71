using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Benchmarks.Expressions;

/// <summary>Evaluations per second of one evaluator, from several threads evaluating back to back for a fixed time.</summary>
internal static class EvaluationRate
{
    public static async Task<double> MeasureAsync(Func<JsonNode?> evaluate, int threads, TimeSpan window, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            long evaluations = 0;
            while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
            {
                TypicalExpression.EnsureTrue(evaluate());
                evaluations++;
            }

            return evaluations;
        }, cancellationToken)));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}

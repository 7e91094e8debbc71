using System.Collections.Concurrent;
using System.Diagnostics;
using ChangeOrchestrator.Engine.Expressions;

namespace ChangeOrchestrator.Benchmarks.Expressions;

/// <summary>Evaluates expressions that never end on their own from several threads at once, and records how each ended.</summary>
internal static class RunawayProbe
{
    /// <summary>One per limit: statements (or time), memory, recursion, and memory through object allocation.</summary>
    public static readonly IReadOnlyList<string> Runaways =
    [
        "(() => { while (true) { } })()",
        "(() => { let s = 'x'; for (;;) { s += s; } })()",
        "(function f() { return f(); })()",
        "(() => { const a = []; for (;;) { a.push({ n: a.length, s: 'padding' }); } })()",
    ];

    /// <summary>A runaway stuck past this is counted as escaped; the limits under test are far shorter.</summary>
    private static readonly TimeSpan HangDeadline = TimeSpan.FromSeconds(60);

    public static async Task<RunawayOutcome> RunAsync(
        IExpressionEvaluator evaluator, IReadOnlyList<string> expressions, int workers, int rounds, ExpressionContext context, CancellationToken cancellationToken)
    {
        var stopTimes = new ConcurrentBag<double>();
        var stopped = 0;
        var evaluations = Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                foreach (var expression in expressions)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        evaluator.Evaluate(expression, context);
                    }
                    catch (ExpressionException)
                    {
                        stopTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        Interlocked.Increment(ref stopped);
                    }
                    catch (Exception)
                    {
                        // Any other exception is a limit that did not turn into the evaluator's own failure: escaped.
                    }
                }
            }
        }, cancellationToken));
        try
        {
            await Task.WhenAll(evaluations).WaitAsync(HangDeadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The evaluations still running are the escaped ones; they are left behind, nothing can stop them.
        }

        return new RunawayOutcome(workers * rounds * expressions.Count, Volatile.Read(ref stopped), [.. stopTimes]);
    }
}

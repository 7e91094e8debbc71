using System.Diagnostics;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Benchmarks.Expressions;

/// <summary>
/// Evaluations per second of a typical input expression with pooled engines and with a new engine each time, and a
/// flood of runaway expressions evaluated concurrently, each of which must be stopped by the sandbox's limits.
/// </summary>
internal sealed class ExpressionScenario(BenchSizes sizes) : IScenario
{
    /// <summary>Short enough to keep the run brief, long enough to be far above one evaluation's real cost.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly int Threads = Environment.ProcessorCount;

    public string Name => "expressions";

    public string Title => "Expressions: pooled Jint engines against a new engine per evaluation, and runaway expressions";

    public string Description =>
        $"`pooled.t<n>` evaluates `{TypicalExpression.Text}` through JintExpressionEvaluator (the engine's evaluator, engines "
        + "pooled and hardened once) on n threads; `naive.t<n>` builds a new Jint engine with the same limits per evaluation. "
        + "`runaway.limits` evaluates four never-ending expressions (endless loop, doubling string, endless recursion, endless "
        + $"allocation) on {2 * Threads} threads with the default limits; `runaway.timeout` evaluates the endless loop with the "
        + $"statement limit lifted so only the {ProbeTimeout.TotalMilliseconds:0} ms timeout can stop it; `stopped-share` must be 1. "
        + "`runaway.typical` is the typical expression evaluated meanwhile on another thread; its `correct-share` must be 1.";

    public IReadOnlyList<string> Notes =>
    [
        "The naive engine does not freeze the global object as the pooled sandbox does; equal isolation would make it slower still.",
        "A runaway that returns, fails with anything but ExpressionException, or is still running after 60 s counts as escaped.",
    ];

    public IReadOnlyList<Target> Targets =>
    [
        new("pooled engines ≥ 2× a new engine per evaluation, one thread", "ratio.pooled/naive.t1", 2),
        new("every runaway expression stopped by the default limits under load", "runaway.limits.stopped-share", 1),
        new("every endless loop stopped by the timeout alone under load", "runaway.timeout.stopped-share", 1),
        new("typical evaluations stay correct during the runaway flood", "runaway.typical.correct-share", 1),
    ];

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var limits = new ExpressionLimits();
        var pooled = new JintExpressionEvaluator(Options.Create(limits));
        var naive = new NaiveJintEvaluator(limits);
        var context = TypicalExpression.Context(TimeProvider.System.GetUtcNow());
        var figures = new List<Figure>();

        var warmUp = TimeSpan.FromMilliseconds(200);
        await EvaluationRate.MeasureAsync(() => pooled.Evaluate(TypicalExpression.Text, context), Threads, warmUp, cancellationToken);
        await EvaluationRate.MeasureAsync(() => naive.Evaluate(TypicalExpression.Text, context), Threads, warmUp, cancellationToken);
        foreach (var threads in new[] { 1, Threads }.Distinct())
        {
            var pooledRate = await EvaluationRate.MeasureAsync(() => pooled.Evaluate(TypicalExpression.Text, context), threads, sizes.ExpressionWindow, cancellationToken);
            var naiveRate = await EvaluationRate.MeasureAsync(() => naive.Evaluate(TypicalExpression.Text, context), threads, sizes.ExpressionWindow, cancellationToken);
            figures.Add(new Figure($"pooled.t{threads}", "evaluations/s", pooledRate));
            figures.Add(new Figure($"naive.t{threads}", "evaluations/s", naiveRate));
            figures.Add(new Figure($"ratio.pooled/naive.t{threads}", "×", pooledRate / naiveRate));
        }

        figures.AddRange(await MeasureRunawaysAsync(pooled, context, cancellationToken));
        return figures;
    }

    private async Task<IReadOnlyList<Figure>> MeasureRunawaysAsync(JintExpressionEvaluator pooled, ExpressionContext context, CancellationToken cancellationToken)
    {
        using var flood = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typical = Task.Run(() => EvaluateTypicalUntilCancelled(pooled, context, flood.Token), CancellationToken.None);

        var workers = 2 * Threads;
        var withLimits = await RunawayProbe.RunAsync(pooled, RunawayProbe.Runaways, workers, sizes.RunawayRounds, context, cancellationToken);
        var timeoutOnly = new JintExpressionEvaluator(Options.Create(new ExpressionLimits { Timeout = ProbeTimeout, MaxStatements = long.MaxValue }));
        var withTimeout = await RunawayProbe.RunAsync(
            timeoutOnly, RunawayProbe.Runaways.Take(1).ToList(), workers, Math.Max(1, sizes.RunawayRounds / 2), context, cancellationToken);

        await flood.CancelAsync();
        var (evaluations, correct, seconds) = await typical;
        return
        [
            .. withLimits.ToFigures("runaway.limits"),
            .. withTimeout.ToFigures("runaway.timeout"),
            new Figure("runaway.typical.evaluations/s", "evaluations/s", evaluations / seconds),
            new Figure("runaway.typical.correct-share", "fraction", evaluations == 0 ? 0 : (double)correct / evaluations),
        ];
    }

    private static (long Evaluations, long Correct, double Seconds) EvaluateTypicalUntilCancelled(
        JintExpressionEvaluator evaluator, ExpressionContext context, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        long evaluations = 0;
        long correct = 0;
        while (!stop.IsCancellationRequested)
        {
            evaluations++;
            try
            {
                TypicalExpression.EnsureTrue(evaluator.Evaluate(TypicalExpression.Text, context));
                correct++;
            }
            catch (Exception ex) when (ex is ExpressionException or InvalidOperationException)
            {
                // Counted as wrong: a runaway next door must not make an ordinary expression fail.
            }
        }

        return (evaluations, correct, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}

using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Storage;
using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Benchmarks.Resume;

/// <summary>
/// Instances suspended on WaitForEvent are resumed by RaiseEventAsync at fixed offered rates; the latency from an
/// event's due time to the next activity starting, and the highest rate held without that latency growing.
/// </summary>
internal sealed class ResumeScenario(BenchSizes sizes, string? postgresServer) : IScenario
{
    private const int SuspendConcurrency = 4;

    private StoreKind Store => postgresServer is null ? StoreKind.Sqlite : StoreKind.Postgres;

    public string Name => "resume";

    public string Title => "Resume: events raised at a fixed rate into suspended instances";

    public string Description =>
        $"For each offered rate r, r × {sizes.ResumeWindow.TotalSeconds:0} instances wait on WaitForEvent, then one event per instance is "
        + $"raised at r events/s (open loop, at most {OpenLoopRaiser.MaxInFlight} calls in flight). Latency runs from the moment an event was "
        + "due to the moment the activity after the wait started (a benchmark activity takes a Stopwatch timestamp). "
        + "`<store>.r<rate>.achieved` is events resumed per second; `growth` is the median latency of the last quarter of events "
        + "over the first quarter's. `highest-sustained` is the highest offered rate that achieved ≥ 90% of itself with growth ≤ 2 (+5 ms).";

    public IReadOnlyList<string> Notes =>
    [
        $"Store: {StoreNames.Of(Store)} (PostgreSQL settings named beside the figures, as the server reported them).",
        "Each resume is one burst: lease, load, run WaitForEvent's completion and the marked activity, commit, release.",
        "The event generator runs in the same process as the engine, on the same cores.",
    ];

    public IReadOnlyList<Target> Targets => [];

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var clock = new ResumeClock();
        await using var database = await BenchDatabase.CreateAsync(Store, postgresServer, cancellationToken);
        await using var node = await EngineNode.CreateAsync(database, services =>
        {
            services.AddSingleton(clock);
            services.AddActivity<MarkResumed>();
        }, cancellationToken);
        await node.PublishAsync(ResumeFlow.Json, cancellationToken);

        await MeasureRateAsync(node.Runtime, clock, "warmup", rate: 50, count: sizes.WarmUp, cancellationToken);
        var figures = new List<Figure>();
        var highest = 0;
        foreach (var rate in sizes.ResumeRates)
        {
            var count = (int)(rate * sizes.ResumeWindow.TotalSeconds);
            var outcome = await MeasureRateAsync(node.Runtime, clock, $"r{rate}", rate, count, cancellationToken);
            figures.AddRange(outcome.ToFigures(StoreNames.Of(Store)));
            if (outcome.Sustained)
            {
                highest = rate;
            }
        }

        figures.Add(new Figure($"{StoreNames.Of(Store)}.highest-sustained", "events/s", highest));
        return figures;
    }

    private static async Task<RateOutcome> MeasureRateAsync(
        WorkflowRuntime runtime, ResumeClock clock, string batch, int rate, int count, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, count).Select(i => $"{batch}-{i}-{Guid.NewGuid():N}").ToArray();
        await ConcurrentLoad.RunAsync(count, SuspendConcurrency, async (i, ct) =>
        {
            var instance = await runtime.StartAsync(
                new StartWorkflowRequest { DefinitionId = ResumeFlow.Id, Input = new() { ["key"] = keys[i] } }, ct);
            if (instance.Status != InstanceStatus.Suspended)
            {
                throw new InvalidOperationException($"Instance {instance.Id} is {instance.Status}, expected Suspended on its wait.");
            }
        }, cancellationToken);

        var due = await OpenLoopRaiser.RaiseAsync(runtime, keys, rate, cancellationToken);
        var resumed = keys.Select(k => clock.TryGet(k, out var at)
            ? at
            : throw new InvalidOperationException($"Instance waiting on {k} never reached the activity after its wait.")).ToArray();
        return RateOutcome.From(rate, due, resumed);
    }
}

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>How much work each scenario does: <see cref="Quick"/> keeps every scenario under a minute on two cores.</summary>
internal sealed record BenchSizes
{
    public static readonly BenchSizes Quick = new()
    {
        Repetitions = 3,
        WarmUp = 30,
        DurableStarts = 2_000,
        MemoryStarts = 3_000,
        WorkflowCoreStarts = 600,
        HangfireStarts = 60,
        RawCommits = 3_000,
        Concurrency = [1, 4, 16],
        ResumeRates = [100, 250, 500, 1_000],
        ResumeWindow = TimeSpan.FromSeconds(1.5),
        ExpressionWindow = TimeSpan.FromSeconds(1),
        RunawayRounds = 4,
        HistorySizes = [1_000, 10_000],
        HistoryCalls = 100,
        HistoryListCalls = 200,
        FleetSizes = [new(1_000)],
    };

    public static readonly BenchSizes Full = new()
    {
        Repetitions = 5,
        WarmUp = 100,
        DurableStarts = 5_000,
        MemoryStarts = 10_000,
        WorkflowCoreStarts = 2_000,
        HangfireStarts = 200,
        RawCommits = 10_000,
        Concurrency = [1, 4, 16],
        ResumeRates = [100, 250, 500, 750, 1_000, 1_500],
        ResumeWindow = TimeSpan.FromSeconds(4),
        ExpressionWindow = TimeSpan.FromSeconds(3),
        RunawayRounds = 10,
        HistorySizes = [1_000, 10_000, 100_000],
        HistoryCalls = 200,
        HistoryListCalls = 1_000,
        FleetSizes = [new(1_000), new(10_000), new(50_000), new(10_000, 100)],
    };

    public required int Repetitions { get; init; }

    /// <summary>Unmeasured starts on each fresh node, so the figures are of jitted, connected code.</summary>
    public required int WarmUp { get; init; }

    /// <summary>Workflows started per concurrency level on SQLite and PostgreSQL.</summary>
    public required int DurableStarts { get; init; }

    /// <summary>Workflows started per concurrency level on the in-memory stores (faster, so more of them).</summary>
    public required int MemoryStarts { get; init; }

    public required int WorkflowCoreStarts { get; init; }

    /// <summary>Ten-job chains run on Hangfire per concurrency level (each chain is ten durable jobs).</summary>
    public required int HangfireStarts { get; init; }

    /// <summary>Insert-and-commit transactions per concurrency level in the raw database measurement.</summary>
    public required int RawCommits { get; init; }

    public required IReadOnlyList<int> Concurrency { get; init; }

    /// <summary>Offered event rates (events/s) of the resume scenario, lowest first.</summary>
    public required IReadOnlyList<int> ResumeRates { get; init; }

    /// <summary>How long each offered rate is held.</summary>
    public required TimeSpan ResumeWindow { get; init; }

    public required TimeSpan ExpressionWindow { get; init; }

    /// <summary>Times each runaway expression is evaluated by each concurrent evaluator.</summary>
    public required int RunawayRounds { get; init; }

    /// <summary>Completed instances stored in each database of the history scenario, smallest first.</summary>
    public required IReadOnlyList<int> HistorySizes { get; init; }

    /// <summary>Measured calls of each history query, one after another.</summary>
    public required int HistoryCalls { get; init; }

    /// <summary>List calls paging through the instances before the server's memory is read.</summary>
    public required int HistoryListCalls { get; init; }

    /// <summary>
    /// The fleet scenario's runs, one patch change each, in order. A full run adds 10,000 servers on a clock of 100: at
    /// the default 1,000 a simulated hour of installs takes 3.6 s, less than the CPU the calls for 10,000 servers cost.
    /// </summary>
    public IReadOnlyList<FleetSize> FleetSizes { get; init; } = [new(1_000)];
}

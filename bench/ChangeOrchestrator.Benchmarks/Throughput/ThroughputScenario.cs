using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Storage;
using ChangeOrchestrator.Benchmarks.Throughput.HangfireBaseline;
using ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Runtime;

namespace ChangeOrchestrator.Benchmarks.Throughput;

/// <summary>
/// Workflows started and run to completion per second, side by side: the engine on each store, WorkflowCore on its
/// in-memory defaults, and the raw commit rate of the same PostgreSQL server, each at 1, 4 and 16 concurrent starters.
/// </summary>
internal sealed class ThroughputScenario(BenchSizes sizes, string? postgresServer) : IScenario
{
    public string Name => "throughput";

    public string Title => "Throughput: ten non-blocking activities, start to completion";

    public string Description =>
        "Each instance runs 5 SetVariable and 5 Decision activities, every input a JavaScript expression, in one burst "
        + "(one commit) inside WorkflowRuntime.StartAsync. `ours.<store>.c<n>` is workflows/s with n concurrent starters; "
        + "`workflowcore.memory.c<n>` is the same ten steps on WorkflowCore 3.22 with its default in-memory persistence, "
        + "each starter waiting for its instance's WorkflowCompleted before starting the next; `hangfire.postgres.c<n>` is the ten steps "
        + "as a chain of Hangfire 1.8 continuations on Hangfire.PostgreSql 1.21 (same server, a database of its own), each starter "
        + "enqueuing a chain and waiting until its last job's Succeeded state is committed; `raw-commits.postgres.c<n>` is single-row "
        + "insert-and-commit transactions/s through Npgsql on the same server, and `raw-burst-commits.postgres.c<n>` transactions/s "
        + $"that insert {RawCommitLoad.BurstRows} rows in one batch (as many rows as one burst writes). Ratios are taken within each repetition.";

    public IReadOnlyList<string> Notes =>
    [
        "The PostgreSQL server is a throw-away one of .ci/postgres.sh; its durability settings are named beside the figures, as the server reported them.",
        "SQLite is a file in a temporary folder, write-ahead log on, one writer at a time.",
        "Engine, database server and load generator share the machine's cores. `cpu.ours.*` and `cpu.raw-commit.*` are the CPU one workflow or one raw commit cost on PostgreSQL: `process` the bench's own process (the engine, or Npgsql alone), `postgres` the PostgreSQL server's processes (from /proc), so the ratio to raw commits can be read as cost per operation on two shared cores.",
        $"Hangfire runs {HangfireNode.Workers} workers (more than the most starters); its workers are woken in process as a job is enqueued (the queue poll, 200 ms, only serves other processes); the chain's variables live in memory, as Hangfire has no workflow data.",
        "WorkflowCore gets a fresh host for each concurrency level (its in-memory store slows as instances accumulate); the engine keeps one node and database per store for all three levels.",
        $"Warm-up, unmeasured: ours on each store and the raw commits run in rounds of {QuietJitWarmUp.RoundTime.TotalSeconds:0.#} s "
        + $"until {QuietJitWarmUp.QuietRoundsInARow} rounds in a row each compile at most {QuietJitWarmUp.QuietMethods} methods (the runtime's own count, every thread), at most {QuietJitWarmUp.MostRounds} rounds "
        + "(`warm-up.*`, rounds); `jit-while-measured.*` is the methods compiled during the measured windows. WorkflowCore (which compiles methods for every "
        + "instance it runs, so its JIT is never quiet, while its in-memory store slows as instances accumulate) and Hangfire (a few chains a second) "
        + "are warmed by a fixed count.",
    ];

    public IReadOnlyList<Target> Targets =>
    [
        .. sizes.Concurrency.Select(c => new Target(
            $"ours on PostgreSQL ≥ {(c == 1 ? 1 : 2)}× WorkflowCore in memory, {c} starter(s)", $"ratio.ours-postgres/workflowcore.c{c}", c == 1 ? 1 : 2)),
        .. sizes.Concurrency.Where(c => c > 1).Select(c => new Target($"ours on PostgreSQL ≥ 3× Hangfire on PostgreSQL, {c} starters", $"ratio.ours-postgres/hangfire.c{c}", 3)),
        .. sizes.Concurrency.Select(c => new Target($"ours in memory ≥ 2× WorkflowCore in memory, {c} starter(s)", $"ratio.ours-memory/workflowcore.c{c}", 2)),
        .. sizes.Concurrency.Select(c => new Target($"bursts/s on PostgreSQL ≥ 0.5× raw commits/s on the same server, {c} starter(s)", $"ratio.bursts/raw-commits.c{c}", 0.5)),
    ];

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        foreach (var store in Stores())
        {
            figures.AddRange(await MeasureEngineAsync(store, cancellationToken));
        }

        figures.AddRange(await MeasureWorkflowCoreAsync(cancellationToken));
        if (postgresServer is not null)
        {
            figures.AddRange(await MeasureHangfireAsync(postgresServer, cancellationToken));
            figures.AddRange(await MeasureRawCommitsAsync(postgresServer, cancellationToken));
        }

        figures.AddRange(Ratios(figures));
        return figures;
    }

    private IEnumerable<StoreKind> Stores() => postgresServer is null
        ? [StoreKind.Memory, StoreKind.Sqlite]
        : [StoreKind.Memory, StoreKind.Sqlite, StoreKind.Postgres];

    private async Task<IReadOnlyList<Figure>> MeasureEngineAsync(StoreKind store, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(store, postgresServer, cancellationToken);
        await using var node = await EngineNode.CreateAsync(database, configure: null, cancellationToken);
        await node.PublishAsync(ThroughputFlow.Json, cancellationToken);

        var count = store == StoreKind.Memory ? sizes.MemoryStarts : sizes.DurableStarts;
        var party = $"ours.{StoreNames.Of(store)}";
        var rounds = await QuietJitWarmUp.RunAsync(ct => StartManyAsync(node.Runtime, sizes.WarmUp, 4, ct), cancellationToken);
        var figures = new List<Figure> { new($"warm-up.{party}", "rounds", rounds) };
        var postmaster = store == StoreKind.Postgres ? await PostgresCpu.PostmasterAsync(postgresServer!, cancellationToken) : null;
        long compiled = 0;
        foreach (var concurrency in sizes.Concurrency)
        {
            var cpu = CpuMeter.Start(postmaster);
            var (elapsed, compiledNow) = await QuietJitWarmUp.CountingAsync(() => StartManyAsync(node.Runtime, count, concurrency, cancellationToken));
            compiled += compiledNow;
            figures.Add(new Figure($"{party}.c{concurrency}", "workflows/s", ConcurrentLoad.PerSecond(count, elapsed)));
            if (store == StoreKind.Postgres)
            {
                figures.AddRange(CpuFigures("ours", concurrency, cpu.PerOperation(count)));
            }
        }

        figures.Add(new Figure($"jit-while-measured.{party}", "methods", compiled));

        if (store == StoreKind.Postgres)
        {
            figures.Add(new Figure("ours.journal-entries-per-workflow", "entries", await JournalEntriesOfOneAsync(node, cancellationToken)));
        }

        return figures;
    }

    private static Task<TimeSpan> StartManyAsync(WorkflowRuntime runtime, int count, int concurrency, CancellationToken cancellationToken) =>
        ConcurrentLoad.RunAsync(count, concurrency, async (_, ct) =>
        {
            var instance = await runtime.StartAsync(new StartWorkflowRequest { DefinitionId = ThroughputFlow.Id, Input = ThroughputFlow.Input() }, ct);
            ThroughputFlow.EnsureCompleted(instance);
        }, cancellationToken);

    /// <summary>How many journal entries one instance's commit writes, all of them in one journal row.</summary>
    private static async Task<int> JournalEntriesOfOneAsync(EngineNode node, CancellationToken cancellationToken)
    {
        var instance = await node.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = ThroughputFlow.Id, Input = ThroughputFlow.Input() }, cancellationToken);
        var journal = await node.Get<IWorkflowInstanceStore>().GetJournalAsync(instance.Id, 0, int.MaxValue, cancellationToken);
        return journal.Count;
    }

    private async Task<IReadOnlyList<Figure>> MeasureWorkflowCoreAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        long compiled = 0;
        foreach (var concurrency in sizes.Concurrency)
        {
            // A fresh host per level: WorkflowCore's in-memory store slows down as finished instances pile up, which
            // would otherwise make the later levels pay for the earlier ones. Its warm-up is a fixed count: it compiles
            // methods for every instance it runs, so its JIT is never quiet, and a longer warm-up would only slow its store.
            using var node = new WorkflowCoreNode();
            await node.RunAsync(sizes.WarmUp, 4, cancellationToken);
            var (elapsed, compiledNow) = await QuietJitWarmUp.CountingAsync(() => node.RunAsync(sizes.WorkflowCoreStarts, concurrency, cancellationToken));
            compiled += compiledNow;
            figures.Add(new Figure($"workflowcore.memory.c{concurrency}", "workflows/s", ConcurrentLoad.PerSecond(sizes.WorkflowCoreStarts, elapsed)));
        }

        figures.Add(new Figure("jit-while-measured.workflowcore.memory", "methods", compiled));
        return figures;
    }

    private async Task<IReadOnlyList<Figure>> MeasureHangfireAsync(string server, CancellationToken cancellationToken)
    {
        await using var database = await PostgresBenchDatabase.CreateAsync(server, cancellationToken);
        using var node = new HangfireNode(database.ConnectionString);
        await node.RunAsync(sizes.WarmUp, 4, cancellationToken);
        var figures = new List<Figure>();
        foreach (var concurrency in sizes.Concurrency)
        {
            var elapsed = await node.RunAsync(sizes.HangfireStarts, concurrency, cancellationToken);
            figures.Add(new Figure($"hangfire.postgres.c{concurrency}", "workflows/s", ConcurrentLoad.PerSecond(sizes.HangfireStarts, elapsed)));
        }

        return figures;
    }

    private async Task<IReadOnlyList<Figure>> MeasureRawCommitsAsync(string server, CancellationToken cancellationToken)
    {
        await using var database = await PostgresBenchDatabase.CreateAsync(server, cancellationToken);
        await using var load = await RawCommitLoad.CreateAsync(database.ConnectionString, cancellationToken);
        var rounds = await QuietJitWarmUp.RunAsync(async ct =>
        {
            await ConcurrentLoad.RunAsync(sizes.WarmUp, 4, load.CommitOneAsync, ct);
            await ConcurrentLoad.RunAsync(sizes.WarmUp, 4, load.CommitBurstShapedAsync, ct);
        }, cancellationToken);
        var figures = new List<Figure> { new("warm-up.raw-commits.postgres", "rounds", rounds) };
        var postmaster = await PostgresCpu.PostmasterAsync(server, cancellationToken);
        long compiled = 0;
        foreach (var concurrency in sizes.Concurrency)
        {
            var cpu = CpuMeter.Start(postmaster);
            var (elapsed, compiledNow) = await QuietJitWarmUp.CountingAsync(() =>
                ConcurrentLoad.RunAsync(sizes.RawCommits, concurrency, load.CommitOneAsync, cancellationToken));
            compiled += compiledNow;
            figures.Add(new Figure($"raw-commits.postgres.c{concurrency}", "commits/s", ConcurrentLoad.PerSecond(sizes.RawCommits, elapsed)));
            figures.AddRange(CpuFigures("raw-commit", concurrency, cpu.PerOperation(sizes.RawCommits)));
        }

        var burstShaped = sizes.DurableStarts * 2;
        foreach (var concurrency in sizes.Concurrency)
        {
            var (elapsed, compiledNow) = await QuietJitWarmUp.CountingAsync(() =>
                ConcurrentLoad.RunAsync(burstShaped, concurrency, load.CommitBurstShapedAsync, cancellationToken));
            compiled += compiledNow;
            figures.Add(new Figure($"raw-burst-commits.postgres.c{concurrency}", "commits/s", ConcurrentLoad.PerSecond(burstShaped, elapsed)));
        }

        figures.Add(new Figure("jit-while-measured.raw-commits.postgres", "methods", compiled));
        return figures;
    }

    /// <summary>CPU per operation on PostgreSQL: the bench's process (engine or client) and the database server's.</summary>
    private static IEnumerable<Figure> CpuFigures(string party, int concurrency, (double Process, double? Postgres) perOperation)
    {
        yield return new Figure($"cpu.{party}.process.c{concurrency}", "ms", perOperation.Process);
        if (perOperation.Postgres is { } postgres)
        {
            yield return new Figure($"cpu.{party}.postgres.c{concurrency}", "ms", postgres);
        }
    }

    private IEnumerable<Figure> Ratios(IReadOnlyList<Figure> figures)
    {
        double? Value(string name) => figures.FirstOrDefault(f => f.Name == name)?.Value;

        foreach (var concurrency in sizes.Concurrency)
        {
            var workflowCore = Value($"workflowcore.memory.c{concurrency}");
            var postgres = Value($"ours.postgres.c{concurrency}");
            var memory = Value($"ours.memory.c{concurrency}");
            var raw = Value($"raw-commits.postgres.c{concurrency}");
            var rawBurst = Value($"raw-burst-commits.postgres.c{concurrency}");
            var hangfire = Value($"hangfire.postgres.c{concurrency}");
            if (postgres is { } p && workflowCore is { } w)
            {
                yield return new Figure($"ratio.ours-postgres/workflowcore.c{concurrency}", "×", p / w);
            }

            if (postgres is { } p4 && hangfire is { } h)
            {
                yield return new Figure($"ratio.ours-postgres/hangfire.c{concurrency}", "×", p4 / h);
            }

            if (memory is { } m && workflowCore is { } w2)
            {
                yield return new Figure($"ratio.ours-memory/workflowcore.c{concurrency}", "×", m / w2);
            }

            if (postgres is { } p2 && raw is { } r)
            {
                yield return new Figure($"ratio.bursts/raw-commits.c{concurrency}", "×", p2 / r);
            }

            if (postgres is { } p3 && rawBurst is { } rb)
            {
                yield return new Figure($"ratio.bursts/raw-burst-commits.c{concurrency}", "×", p3 / rb);
            }
        }
    }
}

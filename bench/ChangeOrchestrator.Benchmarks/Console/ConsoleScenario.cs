using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Benchmarks.Fleet;
using ChangeOrchestrator.Benchmarks.History;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Server.Security;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// The web console on a large history: the server-side render of the instances page and of a 1,000-server patch
/// change's instance page, the server memory each open browser session (circuit) costs, and what 50 sessions watching
/// live instances do to the engine's resume latency.
/// </summary>
internal sealed class ConsoleScenario(BenchSizes sizes, string? postgresServer) : IScenario, ISelfRepeatingScenario
{
    private const int Servers = 1_000;
    private const int Sessions = 50;
    private const int Tickers = 50;
    private const int EventsPerSecond = 50;
    private const int WarmUpCalls = 10;
    private const int FirstViews = 40;
    private const string ApiKey = "bench-console-operator-key";
    private const string User = "bench";
    private const string Password = "bench-console-password-1";
    private const int SplitPairs = 6;
    private const int SharedPairs = 2;
    private const int QuietCycleMethods = 100;
    private const int MostWarmUpCycles = 8;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan WarmUpLoad = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public string Name => "console";

    public string Title => "Console: page renders on a large history, memory per browser session, live sessions against resume latency";

    public string Description =>
        $"A PostgreSQL database holds {Label(History)} completed instances (as in the history scenario) and one completed patch change over {Servers:N0} "
        + $"simulated servers (the fleet scenario's run, `workflows/patch-change.json`). A server process with the console answers `GET /instances` "
        + $"(`render.instances`) and `GET /instances/{{patch change}}` (`render.instance`) {sizes.HistoryCalls} times each, one at a time: the server-side "
        + $"(prerendered) HTML of each page, timed by the client. Then {Tickers} instances of a workflow that waits for an event, notes it and waits again "
        + $"receive {EventsPerSecond} events/s through `POST /api/events` (open loop) in timed loads of {LoadDuration.TotalSeconds:F0} s, in pairs: one with no "
        + $"browser page open (`resume.none-…`) and one with {Sessions} chromium sessions open on live pages, half on the instances page and half each on a "
        + $"ticker's instance page (`resume.sessions-…`); `ratio.resume-p99-…-n` is pair n's p99 with sessions over its p99 without, and `ratio.resume-p99` the median of "
        + $"the pairs' quotients. Between two loads the pages are closed (which ends their circuits) or opened again. `circuit.*` is the server's memory with "
        + $"the sessions open, less without, per session.";

    public IReadOnlyList<string> Notes =>
    [
        $"Settings: Sandbox off, Production, server GC, PostgreSQL from .ci/postgres.sh; the fleet change as in the fleet scenario (time scale {FleetScenario.TimeScale:F0}); pages refresh when the engine pushes a commit they show, at most every 250 ms (instance) and once a second, each at its own moment of the second (instances list, one read shared by every open list with the same filter), otherwise every 5 s / 10 s; one page's refresh at a time on the node; a refresh that finds what the page shows unchanged renders nothing.",
        $"Order: the database vacuumed and analyzed (VACUUM (ANALYZE)) after the seeding, so that autovacuum does not work through the seeded tables during the loads; unmeasured warm-up cycles ({WarmUpLoad.TotalSeconds:F0} s of load with the sessions open, then {WarmUpLoad.TotalSeconds:F0} s with them closed, reopened at each cycle but the first) until a cycle finds the server compiling at most {QuietCycleMethods} methods (its JIT's method-load events, read through its event pipe; `warm-up.cycles` and `warm-up.jit-last-cycle`, at most {MostWarmUpCycles} cycles), so that no measured load pays for the tiered compiler's background recompiles of a new server's hot paths, then {SplitPairs} pairs with the placement split and {SharedPairs} pairs shared (below), odd pairs with the load without sessions first and even pairs with the load with sessions first (so that a drift over the run weighs on both kinds alike), each load after {Settle.TotalSeconds:F0} s of unmeasured load since the pages were opened or closed; {Tickers} tickers, so each instance page's instance commits about once a second. `pushed.*` and `frames.*` are what the sessions' pages received over their live connections (WebSocket frames, counted in the browser) per second of a load.",
        "A resume is timed from the moment its event was due to the API's answer, which comes after the commit: the engine's resume as a client sees it, HTTP included.",
        CorePlacement.Available
            ? "Placement: in the `split` pairs the server, PostgreSQL and the event client run on core 0 only and chromium, Playwright's driver and the process that drives them on the other cores (`taskset`), "
              + "as when the browsers run on their users' machines (Playwright relays every WebSocket frame of every page to the process that drives the browser, so that process is not the event client's): `ratio.resume-p99`, the target, is the median of these pairs' quotients, the sessions' server-side cost to the engine. "
              + "In the `shared` pairs every process shares every core (`ratio.resume-p99-shared`, their median)."
            : "The browser runs on the same cores as the server and the database (this machine cannot split them), so the sessions' rendering in chromium competes with the engine too.",
        "Memory is read from outside the process after a forced full collection (GC heap) and from the operating system (working set), as in the history scenario.",
        "The render figures repeat the same two pages: a completed instance is read once and kept by the server, so `render.instance` after the first call is the page without the read of the 1,000-server state.",
        $"`render.instance-first` is the first view of a finished 1,000-server change: {FirstViews} copies of the change (instance row, journal, per-server results, under new ids) each rendered once, after the repeated renders; each reads the instance, its journal and the first rows of the evidence's per-server lists from the database, none of it kept from an earlier view.",
    ];

    public IReadOnlyList<Target> Targets => postgresServer is null ? [] :
    [
        new("instances page render p95 < 200 ms", "headroom.render.instances.p95", 1),
        new("instance page (1,000-server patch change) render p95 < 200 ms", "headroom.render.instance.p95", 1),
        new("first view of a finished 1,000-server patch change render p95 < 200 ms", "headroom.render.instance-first.p95", 1),
        new("server memory per open session < 5 MB", "headroom.circuit.gc-heap", 1),
        new($"{Sessions} live sessions keep the resume p99 within 1.2× of none", "headroom.resume-p99", 1),
    ];

    public int Repetitions => 1;

    public bool WarmUp => false;

    private int History => sizes.HistorySizes[^1];

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (postgresServer is null)
        {
            return [];
        }

        await using var database = await HistoryDatabase.SeedAsync(postgresServer, History, cancellationToken);
        await FleetChange.RunInAsync(database.ConnectionString, Servers, FleetScenario.TimeScale, warm: false, cancellationToken);
        var patchChange = await PatchChangeIdAsync(database.ConnectionString, cancellationToken);
        var firstViews = await FinishedChangeCopies.CreateAsync(database.ConnectionString, patchChange, FirstViews, cancellationToken);

        var workflows = Directory.CreateTempSubdirectory("co-bench-console-").FullName;
        try
        {
            File.Copy(FleetEnvironment.PatchChangeWorkflow(), Path.Combine(workflows, "patch-change.json"));
            await File.WriteAllTextAsync(Path.Combine(workflows, TickerWorkflow.Id + ".json"), TickerWorkflow.Json, cancellationToken);
            var environment = new Dictionary<string, string>(ServerEnvironment.Postgres(database.ConnectionString, workflows, "bench-console", ApiKey, "Operator"))
            {
                ["Auth__Local__Users__0__Name"] = User,
                ["Auth__Local__Users__0__PasswordHash"] = PasswordHashes.Hash(Password, PasswordHashes.MinimumIterations),
                ["Auth__Local__Users__0__Roles__0"] = "Operator",
                ["Auth__Local__LoginPermitLimit"] = "1000",

                ["Runtime__TimerPollInterval"] = "00:00:00.100",
            };
            await using var server = await ChildProcess.StartAsync(ServerEnvironment.Dll, environment, ServerEnvironment.ReadyPath, cancellationToken);
            using var client = ServerEnvironment.Client(server.Address, ApiKey, TimeSpan.FromMinutes(2));
            return await MeasureAsync(server, client, database.ConnectionString, patchChange, firstViews, cancellationToken);
        }
        finally
        {
            Directory.Delete(workflows, recursive: true);
        }
    }

    private async Task<IReadOnlyList<Figure>> MeasureAsync(
        ChildProcess server, HttpClient client, string connectionString, string patchChange, IReadOnlyList<string> firstViews, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();

        // After the repeated renders below have warmed the page up: each copy is read, rendered and its evidence
        // streamed from the per-server results for the first time.
        var firstTimes = new List<double>(firstViews.Count);
        foreach (var (name, path, expected) in new[] { ("instances", "instances", "data-instance"), ("instance", $"instances/{patchChange}", patchChange) })
        {
            var times = await RenderAsync(client, path, expected, cancellationToken);
            figures.Add(new Figure($"render.{name}.p50", "ms", Statistics.Percentile(times, 50)));
            figures.Add(new Figure($"render.{name}.p95", "ms", Statistics.Percentile(times, 95)));
        }

        foreach (var copy in firstViews)
        {
            firstTimes.Add(await RenderOnceAsync(client, $"instances/{copy}", copy, cancellationToken));
        }

        figures.Add(new Figure("render.instance-first.p50", "ms", Statistics.Percentile(firstTimes, 50)));
        figures.Add(new Figure("render.instance-first.p95", "ms", Statistics.Percentile(firstTimes, 95)));

        var keys = Enumerable.Range(0, Tickers).Select(i => $"ticker-{i.ToString(CultureInfo.InvariantCulture)}").ToList();
        var tickers = new List<string>();
        foreach (var key in keys)
        {
            tickers.Add(await StartTickerAsync(client, key, cancellationToken));
        }

        // The seeding and the fleet run leave tables (step results, compliance rows, 100k instances) that autovacuum
        // would otherwise work through during the timed loads, for seconds at a time on the database's core and at
        // moments fixed by the run's timing, so in the same loads of every run: worked through before they start.
        await VacuumAsync(connectionString, cancellationToken);

        // The server, the database and this client on core 0 only, the browsers (and Playwright's driver, which relays
        // their traffic) on the other cores, as when the browsers run on their users' machines.
        var postmaster = CorePlacement.Available ? await PostmasterAsync(connectionString, cancellationToken) : null;
        var split = postmaster is not null;
        int[] engineSide = [Environment.ProcessId, server.Id, postmaster ?? 0];
        if (split)
        {
            await CorePlacement.PinTreesAsync(engineSide, "0", cancellationToken);
        }

        var (workingSetBefore, heapBefore) = await ServerMemory.ReadAsync(server, cancellationToken);
        // The browsers, Playwright's driver and the process that drives them, on the other cores from their start.
        await using var sessions = await BrowserSessions.StartAsync(split ? CorePlacement.OtherCores : null, cancellationToken);
        var paths = Enumerable.Range(0, Sessions).Select(i => i % 2 == 0 ? "instances" : $"instances/{tickers[i % tickers.Count]}").ToList();
        await sessions.OpenAsync(server.Address, User, Password, paths, cancellationToken);
        var (workingSetAfter, heapAfter) = await ServerMemory.ReadAsync(server, cancellationToken);
        figures.Add(new Figure("circuit.gc-heap", "MiB", (heapAfter - heapBefore) / Sessions));
        figures.Add(new Figure("circuit.working-set", "MiB", (workingSetAfter - workingSetBefore) / Sessions));

        var (cycles, lastCycle) = await WarmUpAsync(server, client, keys, sessions, cancellationToken);
        figures.Add(new Figure("warm-up.cycles", "cycles", cycles));
        figures.Add(new Figure("warm-up.jit-last-cycle", "methods", lastCycle));

        var splitRatios = split ? await PairsAsync(figures, "split", SplitPairs, server, client, keys, sessions, cancellationToken) : [];
        if (split)
        {
            // Every process back on every core, the browsers' included (they descend from this one).
            await CorePlacement.PinTreesAsync(engineSide, CorePlacement.AllCores, cancellationToken);
        }

        var sharedRatios = await PairsAsync(figures, "shared", split ? SharedPairs : SplitPairs, server, client, keys, sessions, cancellationToken);

        double Value(string name) => figures.First(f => f.Name == name).Value;
        var shared = Statistics.Median(sharedRatios);
        var ratio = split ? Statistics.Median(splitRatios) : shared;
        figures.Add(new Figure("ratio.resume-p99", "×", ratio));
        figures.Add(new Figure("ratio.resume-p99-shared", "×", shared));
        figures.Add(new Figure("headroom.render.instances.p95", "×", 200 / Value("render.instances.p95")));
        figures.Add(new Figure("headroom.render.instance.p95", "×", 200 / Value("render.instance.p95")));
        figures.Add(new Figure("headroom.render.instance-first.p95", "×", 200 / Value("render.instance-first.p95")));
        figures.Add(new Figure("headroom.circuit.gc-heap", "×", 5 * 1_000_000 / (1024.0 * 1024) / Math.Max(Value("circuit.gc-heap"), 0.001)));
        figures.Add(new Figure("headroom.resume-p99", "×", 1.2 / ratio));
        return figures;
    }

    /// <summary>
    /// Unmeasured: cycles of load with the pages open and load with them closed (reopened at each cycle but the first,
    /// as the pairs do) until a cycle finds the server compiling at most <see cref="QuietCycleMethods"/> methods, or
    /// <see cref="MostWarmUpCycles"/> cycles. A new server recompiles its hot paths (the resume's, the pages' refresh,
    /// the circuits' start and end) in the background for a minute or more after they first run, and that work lands
    /// on whichever loads run meanwhile: measured, it weighs on the first pairs, and mostly on their loads with
    /// sessions, whose code is the larger part. A server that has run for some time has none of it left.
    /// </summary>
    /// <returns>The cycles run and the methods compiled during the last.</returns>
    private static async Task<(int Cycles, int LastCycle)> WarmUpAsync(
        ChildProcess server, HttpClient client, IReadOnlyList<string> keys, BrowserSessions sessions, CancellationToken cancellationToken)
    {
        return await JitActivity.WarmUpAsync(server, QuietCycleMethods, MostWarmUpCycles, async cycle =>
        {
            if (cycle > 0)
            {
                await sessions.ReopenAsync(cancellationToken);
            }

            await EventLoad.RunAsync(client, keys, EventsPerSecond, WarmUpLoad, cancellationToken);
            await sessions.CloseAllAsync(cancellationToken);
            await EventLoad.RunAsync(client, keys, EventsPerSecond, WarmUpLoad, cancellationToken);
        }, (cycle, methods) => System.Console.Error.WriteLine($"console: warm-up cycle {cycle + 1} compiled {methods.Count} methods; most: "
            + string.Join(", ", methods.GroupBy(m => m).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Key} ×{g.Count()}"))), cancellationToken);
    }

    /// <summary>
    /// <paramref name="pairs"/> pairs of timed event loads, each without sessions (the pages closed) and with the 50
    /// sessions open, under <c>resume.none-{placement}-{n}</c> and <c>resume.sessions-{placement}-{n}</c>: a pair's two
    /// loads are seconds apart, so the rest of the machine's load weighs on both alike, and its quotient
    /// (<c>ratio.resume-p99-{placement}-{n}</c>) is the sessions' cost however busy the machine was that minute. Odd
    /// pairs run the load without sessions first, even pairs the one with sessions first, so that a drift over the run
    /// (the machine's other work, the database's growing tables) weighs on each kind of load first as often as second.
    /// </summary>
    /// <returns>Each pair's quotient of the p99s.</returns>
    private static async Task<List<double>> PairsAsync(
        List<Figure> figures, string placement, int pairs, ChildProcess server, HttpClient client, IReadOnlyList<string> keys, BrowserSessions sessions,
        CancellationToken cancellationToken)
    {
        var ratios = new List<double>(pairs);
        for (var pair = 1; pair <= pairs; pair++)
        {
            double none, withSessions;
            if (pair % 2 == 1)
            {
                none = await ResumeLoadAsync(figures, $"none-{placement}-{pair}", server, client, keys, cancellationToken);
                withSessions = await SessionsLoadAsync(figures, $"{placement}-{pair}", server, client, keys, sessions, cancellationToken);
            }
            else
            {
                withSessions = await SessionsLoadAsync(figures, $"{placement}-{pair}", server, client, keys, sessions, cancellationToken);
                none = await ResumeLoadAsync(figures, $"none-{placement}-{pair}", server, client, keys, cancellationToken);
            }

            var ratio = withSessions / none;
            figures.Add(new Figure($"ratio.resume-p99-{placement}-{pair}", "×", ratio));
            ratios.Add(ratio);
        }

        return ratios;
    }

    /// <summary>
    /// Opens the pages, times a load with them open (<c>resume.sessions-{name}</c>) and closes them again; each load
    /// that follows, with sessions or without, starts after unmeasured load since the pages were opened or closed.
    /// </summary>
    /// <returns>The resumes' p99.</returns>
    private static async Task<double> SessionsLoadAsync(
        List<Figure> figures, string name, ChildProcess server, HttpClient client, IReadOnlyList<string> keys, BrowserSessions sessions,
        CancellationToken cancellationToken)
    {
        await sessions.ReopenAsync(cancellationToken);

        // Measured are 50 pages watching, not 50 pages being opened: the opening's own work (50 circuits started,
        // their first reads and renders, the garbage they leave) ends under unmeasured load first, as the closing's
        // does before the next load without sessions.
        await EventLoad.RunAsync(client, keys, EventsPerSecond, Settle, cancellationToken);
        var (bytes, frames) = await sessions.ReceivedAsync(cancellationToken);
        var p99 = await ResumeLoadAsync(figures, $"sessions-{name}", server, client, keys, cancellationToken);
        var (bytesAfter, framesAfter) = await sessions.ReceivedAsync(cancellationToken);
        figures.Add(new Figure($"pushed.sessions-{name}", "KiB/s", (bytesAfter - bytes) / 1024.0 / LoadDuration.TotalSeconds));
        figures.Add(new Figure($"frames.sessions-{name}", "/s", (framesAfter - frames) / LoadDuration.TotalSeconds));
        await sessions.CloseAllAsync(cancellationToken);
        await EventLoad.RunAsync(client, keys, EventsPerSecond, Settle, cancellationToken);
        return p99;
    }

    /// <summary>One timed event load: the resume percentiles and the server's CPU, under <c>resume.{name}</c> and <c>server-cpu.{name}</c>.</summary>
    /// <returns>The resumes' p99.</returns>
    private static async Task<double> ResumeLoadAsync(
        List<Figure> figures, string name, ChildProcess server, HttpClient client, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        // On the error stream with the time, so that a profiler attached to the server can tell the phases apart.
        System.Console.Error.WriteLine($"console: resume.{name} from {TimeProvider.System.GetUtcNow():O}");
        var cpuBefore = server.CpuSeconds();
        var resumes = await EventLoad.RunAsync(client, keys, EventsPerSecond, LoadDuration, cancellationToken);
        figures.AddRange(EventLoad.Figures($"resume.{name}", resumes));
        figures.Add(new Figure($"server-cpu.{name}", "cores", (server.CpuSeconds() - cpuBefore) / LoadDuration.TotalSeconds));
        System.Console.Error.WriteLine($"console: resume.{name} until {TimeProvider.System.GetUtcNow():O}");
        return Statistics.Percentile(resumes, 99);
    }

    private static async Task VacuumAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 1200 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The database server's main process when it runs on this machine and its data folder is readable here, else null.</summary>
    private static async Task<int?> PostmasterAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW data_directory", connection);
        var folder = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        try
        {
            return CorePlacement.PostmasterPid(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task<List<double>> RenderAsync(HttpClient client, string path, string expected, CancellationToken cancellationToken)
    {
        var times = new List<double>(sizes.HistoryCalls);
        for (var i = 0; i < WarmUpCalls + sizes.HistoryCalls; i++)
        {
            var elapsed = await RenderOnceAsync(client, path, expected, cancellationToken);
            if (i >= WarmUpCalls)
            {
                times.Add(elapsed);
            }
        }

        return times;
    }

    private static async Task<double> RenderOnceAsync(HttpClient client, string path, string expected, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without '{expected}': {html[..Math.Min(html.Length, 500)]}");
        }

        return elapsed;
    }

    private static async Task<string> StartTickerAsync(HttpClient client, string key, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(
            "api/instances", new JsonObject { ["definitionId"] = TickerWorkflow.Id, ["input"] = new JsonObject { ["key"] = key } }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.Created
            ? JsonNode.Parse(body)!["id"]!.GetValue<string>()
            : throw new InvalidOperationException($"Starting a ticker answered {(int)response.StatusCode}: {body}");
    }

    private static async Task<string> PatchChangeIdAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id FROM workflow_instances WHERE definition_id = 'patch-change' AND status = 'Completed' LIMIT 1", connection);
        return (string?)await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The patch change did not complete in the console database.");
    }

    private static string Label(int instances) => instances >= 1_000 ? $"{instances / 1_000}k" : $"{instances}";
}

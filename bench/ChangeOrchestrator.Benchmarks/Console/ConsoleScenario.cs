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
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(20);

    public string Name => "console";

    public string Title => "Console: page renders on a large history, memory per browser session, live sessions against resume latency";

    public string Description =>
        $"A PostgreSQL database holds {Label(History)} completed instances (as in the history scenario) and one completed patch change over {Servers:N0} "
        + $"simulated servers (the fleet scenario's run, `workflows/patch-change.json`). A server process with the console answers `GET /instances` "
        + $"(`render.instances`) and `GET /instances/{{patch change}}` (`render.instance`) {sizes.HistoryCalls} times each, one at a time: the server-side "
        + $"(prerendered) HTML of each page, timed by the client. Then {Tickers} instances of a workflow that waits for an event, notes it and waits again "
        + $"receive {EventsPerSecond} events/s for {LoadDuration.TotalSeconds:F0} s through `POST /api/events` (open loop), first with no browser open "
        + $"(`resume.none`), then with {Sessions} chromium sessions open on live pages, half on the instances page and half each on a ticker's instance page "
        + $"(`resume.sessions`); `ratio.resume-p99` is the second p99 over the first. `circuit.*` is the server's memory with the sessions open, less "
        + $"without, per session.";

    public IReadOnlyList<string> Notes =>
    [
        $"Settings: Sandbox off, Production, server GC, PostgreSQL from .ci/postgres.sh; the fleet change as in the fleet scenario (time scale {FleetScenario.TimeScale:F0}); pages refresh at most every 250 ms (instance) and once a second, each at its own moment of the second (instances list, one read shared by every open list with the same filter), when pushed, otherwise every 5 s / 10 s.",
        "A resume is timed from the moment its event was due to the API's answer, which comes after the commit: the engine's resume as a client sees it, HTTP included.",
        CorePlacement.Available
            ? "Placement: `resume.none` and `resume.sessions` share every core between the server, PostgreSQL, the event client and chromium (`ratio.resume-p99-shared`). "
              + "`resume.none-split` and `resume.sessions-split` run the server, PostgreSQL and the event client on core 0 only and chromium on the other cores (`taskset`), "
              + "as when the browsers run on their users' machines: `ratio.resume-p99`, the target, is their quotient, the sessions' server-side cost to the engine."
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
        await FleetChange.RunInAsync(database.ConnectionString, Servers, FleetScenario.TimeScale, cancellationToken);
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

        // Unmeasured: the first events jit the resume path.
        await EventLoad.RunAsync(client, keys, EventsPerSecond, TimeSpan.FromSeconds(5), cancellationToken);
        await ResumeLoadAsync(figures, "none", server, client, keys, cancellationToken);

        // The same load with the server, the database and this client on core 0 only, so that the browsers opened
        // next can have the other cores to themselves, as they would on their users' machines.
        var postmaster = CorePlacement.Available ? await PostmasterAsync(connectionString, cancellationToken) : null;
        var split = postmaster is not null;
        int[] engineSide = [Environment.ProcessId, server.Id, postmaster ?? 0];
        if (split)
        {
            await CorePlacement.PinTreesAsync(engineSide, "0", cancellationToken);
            await ResumeLoadAsync(figures, "none-split", server, client, keys, cancellationToken);
        }

        var (workingSetBefore, heapBefore) = await ServerMemory.ReadAsync(server, cancellationToken);
        var launcher = split ? CorePlacement.ChromiumLauncher(WatchingSessions.Chromium, CorePlacement.OtherCores) : WatchingSessions.Chromium;
        await using var sessions = await WatchingSessions.LaunchAsync(launcher);
        var paths = Enumerable.Range(0, Sessions).Select(i => i % 2 == 0 ? "instances" : $"instances/{tickers[i % tickers.Count]}").ToList();
        await sessions.OpenAsync(server.Address, User, Password, paths);
        var (workingSetAfter, heapAfter) = await ServerMemory.ReadAsync(server, cancellationToken);
        figures.Add(new Figure("circuit.gc-heap", "MiB", (heapAfter - heapBefore) / Sessions));
        figures.Add(new Figure("circuit.working-set", "MiB", (workingSetAfter - workingSetBefore) / Sessions));

        if (split)
        {
            await ResumeLoadAsync(figures, "sessions-split", server, client, keys, cancellationToken);

            // Every process back on every core, the browsers' included (they descend from this one through Playwright).
            await CorePlacement.PinTreesAsync(engineSide, CorePlacement.AllCores, cancellationToken);
            File.Delete(launcher);
        }

        await ResumeLoadAsync(figures, "sessions", server, client, keys, cancellationToken);

        double Value(string name) => figures.First(f => f.Name == name).Value;
        var shared = Value("resume.sessions.p99") / Value("resume.none.p99");
        var ratio = split ? Value("resume.sessions-split.p99") / Value("resume.none-split.p99") : shared;
        figures.Add(new Figure("ratio.resume-p99", "×", ratio));
        figures.Add(new Figure("ratio.resume-p99-shared", "×", shared));
        figures.Add(new Figure("headroom.render.instances.p95", "×", 200 / Value("render.instances.p95")));
        figures.Add(new Figure("headroom.render.instance.p95", "×", 200 / Value("render.instance.p95")));
        figures.Add(new Figure("headroom.render.instance-first.p95", "×", 200 / Value("render.instance-first.p95")));
        figures.Add(new Figure("headroom.circuit.gc-heap", "×", 5 * 1_000_000 / (1024.0 * 1024) / Math.Max(Value("circuit.gc-heap"), 0.001)));
        figures.Add(new Figure("headroom.resume-p99", "×", 1.2 / ratio));
        return figures;
    }

    /// <summary>One timed event load: the resume percentiles and the server's CPU, under <c>resume.{name}</c> and <c>server-cpu.{name}</c>.</summary>
    private static async Task ResumeLoadAsync(
        List<Figure> figures, string name, ChildProcess server, HttpClient client, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var cpuBefore = server.CpuSeconds();
        var resumes = await EventLoad.RunAsync(client, keys, EventsPerSecond, LoadDuration, cancellationToken);
        figures.AddRange(EventLoad.Figures($"resume.{name}", resumes));
        figures.Add(new Figure($"server-cpu.{name}", "cores", (server.CpuSeconds() - cpuBefore) / LoadDuration.TotalSeconds));
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

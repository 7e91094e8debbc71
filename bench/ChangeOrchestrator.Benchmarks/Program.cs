using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChangeOrchestrator.Benchmarks.Events;
using ChangeOrchestrator.Benchmarks.Expressions;
using ChangeOrchestrator.Benchmarks.Fleet;
using ChangeOrchestrator.Benchmarks.History;
using ChangeOrchestrator.Benchmarks.Reporting;
using ChangeOrchestrator.Benchmarks.Resume;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Throughput;

// The console scenario's browser sessions run in a process of their own, this program started again.
if (args is [ChangeOrchestrator.Benchmarks.Console.BrowserSessionsHost.Argument])
{
    return await ChangeOrchestrator.Benchmarks.Console.BrowserSessionsHost.RunAsync();
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.BenchmarkDotNet)
{
    // In process: no separate benchmark project is generated and built, which would take minutes on two cores.
    var config = DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithArtifactsPath(Path.Combine(options.OutputFolder, "benchmarkdotnet"));
    var summary = BenchmarkRunner.Run<ExpressionBenchmarks>(config);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var startedAt = TimeProvider.System.GetUtcNow();
var loadAtStart = MachineInfo.LoadAverage();
var started = Stopwatch.GetTimestamp();
var sizes = options.Sizes;
if (options.PostgresConnectionString is null)
{
    Console.Error.WriteLine($"No PostgreSQL server ({BenchOptions.PostgresVariable} or --postgres): PostgreSQL figures are left out.");
}

// Each PostgreSQL scenario runs on every server given (fast, and durable when a second server is given) and names
// the settings each server reports; without a server, the scenarios run on what they have left.
IReadOnlyList<PostgresServer> servers =
[
    .. options.PostgresConnectionString is { } fast ? [await PostgresServer.ReadAsync("fast", fast, cancellation.Token)] : Array.Empty<PostgresServer>(),
    .. options.DurablePostgresConnectionString is { } durable ? [await PostgresServer.ReadAsync("durable", durable, cancellation.Token)] : Array.Empty<PostgresServer>(),
];
IScenario OnEachServer(Func<string?, IScenario> create) =>
    servers.Count == 0 ? create(null) : new PerServerScenario(servers, c => create(c), sizes.Repetitions);

IScenario[] all =
[
    OnEachServer(c => new ThroughputScenario(sizes, c)),
    OnEachServer(c => new ResumeScenario(sizes, c)),
    OnEachServer(c => new EventResumeScenario(sizes, c)),
    new ExpressionScenario(sizes),
    OnEachServer(c => new HistoryScenario(sizes, c)),
    OnEachServer(c => new ChangeOrchestrator.Benchmarks.Webhooks.WebhookBurstScenario(c)),

    // The fleet, console, compliance and designer scenarios take minutes per run and write reports of their own: they run on the first
    // server only, whose settings the report names.
    new FleetScenario(sizes, options.PostgresConnectionString),
    new ChangeOrchestrator.Benchmarks.Console.ConsoleScenario(sizes, options.PostgresConnectionString),
    new ChangeOrchestrator.Benchmarks.Compliance.ComplianceScenario(sizes, options.PostgresConnectionString),
    new ChangeOrchestrator.Benchmarks.Designer.DesignerScenario(options.PostgresConnectionString),
];
var runner = new ScenarioRunner(sizes, Console.Out);
var results = new List<ScenarioResult>();
foreach (var scenario in all.Where(s => options.Includes(s.Name)))
{
    Console.WriteLine($"[{scenario.Name}] {scenario.Title}");
    results.Add(await runner.RunAsync(scenario, cancellation.Token));
}

var report = new BenchReport(
    startedAt,
    Stopwatch.GetElapsedTime(started).TotalSeconds,
    options.Quick,
    sizes.Repetitions,
    Environment.GetEnvironmentVariable("BENCH_COMMIT"),
    MachineInfo.Collect(),
    loadAtStart,
    MachineInfo.LoadAverage(),
    await VersionInfo.CollectAsync(options.PostgresConnectionString, cancellation.Token),
    servers,
    results);
var (markdown, json) = await ReportFiles.WriteAsync(report, options.OutputFolder, cancellation.Token);
if (all.OfType<FleetScenario>().FirstOrDefault(s => options.Includes(s.Name) && (s.Sections.Count > 0 || s.Failures.Count > 0)) is { } fleet)
{
    await FleetReport.WriteAsync(fleet.Sections, fleet.Failures, startedAt, options.OutputFolder, cancellation.Token);
}
else
{
    await FleetReport.LinkAsync(markdown, options.OutputFolder, cancellation.Token);
}

Console.WriteLine($"Wrote {markdown} and {json}.");
foreach (var target in report.Targets.Where(t => t.Met == false))
{
    Console.WriteLine($"Target missed: {target.Description}: {target.Figure} median {NumberText.Format(target.Median ?? double.NaN)} < {NumberText.Format(target.AtLeast)}");
}

return results.Any(r => r.Error is not null) ? 1 : 0;

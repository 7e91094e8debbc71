using System.Globalization;
using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// One patch change (the repository's workflows/patch-change.json, unchanged) over the Prod patch group of a simulated
/// fleet of about 1,000, 10,000 or 50,000 Prod servers, and 10,000 on a slower clock (<c>--fleet-sizes</c>): the engine's CPU time and peak memory, the AWS and service-desk calls against the fewest the API limits
/// allow, and the wall time against the time the simulated fleet itself needs.
/// </summary>
internal sealed class FleetScenario(BenchSizes sizes, string? postgresServer) : IScenario, ISelfRepeatingScenario
{
    /// <summary>Simulated seconds per real second unless a size names its own: the fleet's hours of scans, snapshots and installs take seconds.</summary>
    public const double TimeScale = FleetSize.DefaultTimeScale;

    /// <summary>The largest size also run on a warm server (a second pair of processes: minutes more at 10,000).</summary>
    private const int MostWarmTargets = 10_000;

    private readonly List<FleetReportSection> _sections = [];
    private readonly List<string> _failures = [];

    public string Name => "fleet";

    public string Title => "Fleet: one patch change over 1,000, 10,000 and 50,000 simulated servers";

    public string Description =>
        "A patch change of the repository's `patch-change` workflow over the Prod patch group of a generated fleet of ⌈n ÷ 0.45⌉ servers (about n of them Prod; "
        + "the exact count is in fleet.md), started through the API by patch group with no server ids and the API's default body and expression limits, approved on the simulated ServiceNow and followed to its close. The simulators and the server run as two processes; "
        + "`cpu.<n>` is the server process's CPU time from the start request until it is quiet after the close, `peak-memory.<n>` its peak resident set (VmHWM, start-up included), "
        + "`aws-calls.<n>` the AWS calls the simulator counted against `aws-minimum.<n>`, the fewest the API limits allow, `wall.<n>` the instance's run time against "
        + "`fleet-time.<n>`, the time the simulated servers themselves need, and `least-time.<n>`, that time with what the API rates add on its way (`api-floor.<n>`). Per-operation counts and how each minimum is derived are in [fleet.md](fleet.md).";

    public IReadOnlyList<string> Notes =>
    [
        string.Create(CultureInfo.InvariantCulture, $"Simulators: ChangeOrchestrator.Simulators.dll with TimeScale {TimeScale:F0} (a size written n@s runs on a clock of s: `<n>@<s>` figures), FleetSize ⌈n / 0.45⌉ (Prod is 45% of a generated fleet), seed 11; server: ChangeOrchestrator.Server.dll (server GC, sandbox off) on PostgreSQL from .ci/postgres.sh, both under dotnet as in production."),
        $"Inputs: {FleetInput.Described}. The fleet time counts the soak but not the approval, which waits on the approver.",
        "The API floor: in each stage, the calls the fewest-calls minimum needs of each operation take at least (calls − burst) ÷ rate at the simulator's rates; the stage's floor is its slowest operation's, and the snapshots' is the last one's creation plus the shortest snapshot when that ends after the largest volume's (see ApiRateFloor).",
        "AWS rates: the simulator throttles each operation at AWS's rates in its own time (EC2 reads 20/s burst 100, EC2 writes 5/s burst 200, SSM reads 20/s burst 40, SSM writes 10/s burst 20), and the server's buckets have the same rates with `Aws:RateLimitScale` = TimeScale; `Aws:MaxConcurrentCalls` 16 (the default).",
        $"Each run starts both processes afresh, so there is no warm-up repetition. Sizes up to {MostWarmTargets:N0} run twice: on a new server (`<n>` figures, what the first change after a node starts costs, the server's compiling of its code included) and on a warm one (`<n>-warm`: new processes again, but the server first runs a whole change of {FleetChange.WarmUpServers} Test servers named by id, approved and closed, then its peak resident set is reset; what a change costs on a node that has run for a while). The targets read the new server's figures.",
        "`ratio.aws-calls.<n>` is actual ÷ minimum (target ≤ 1.1); `headroom.*.10k` turn the 10k targets into at-least figures: 30 s ÷ CPU, 500 MB ÷ peak, 1.1 × minimum ÷ actual calls; `headroom.peak-memory.50k` is 600 MB ÷ peak — each must be ≥ 1.",
        "The server runs with the default API body limit (64 KiB) and expression limits (100,000 statements, 16 MiB, 2 s): per-server lists live in the results table, and expressions pass references to them.",
        .. _failures,
    ];

    /// <summary>Sizes whose change did not complete in the last run, with why.</summary>
    public IReadOnlyList<string> Failures => _failures;

    public IReadOnlyList<Target> Targets => postgresServer is null || !sizes.FleetSizes.Contains(new FleetSize(10_000)) ? [] :
    [
        new("10,000-server change: engine CPU < 30 s", "headroom.cpu.10k", 1),
        new("10,000-server change: server peak memory < 500 MB", "headroom.peak-memory.10k", 1),
        new("10,000-server change: AWS calls within 1.1× the minimum", "headroom.aws-calls.10k", 1),
        .. sizes.FleetSizes.Contains(new FleetSize(50_000)) ? new[] { new Target("50,000-server change: server peak memory < 600 MB", "headroom.peak-memory.50k", 1) } : [],
    ];

    public int Repetitions => 1;

    public bool WarmUp => false;

    /// <summary>The last run's per-operation detail, for fleet.md.</summary>
    public IReadOnlyList<FleetReportSection> Sections => _sections;

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (postgresServer is null)
        {
            return [];
        }

        _sections.Clear();
        _failures.Clear();
        var figures = new List<Figure>();
        // A warm server shows what the JIT and the first change's caches cost, on either clock.
        foreach (var (size, warm) in sizes.FleetSizes.SelectMany(s => s.Targets <= MostWarmTargets ? new[] { (s, false), (s, true) } : [(s, false)]))
        {
            var targets = size.Targets;
            try
            {
                var run = await FleetChange.RunAsync(postgresServer, targets, size.TimeScale, warm, cancellationToken);
                var section = FleetReportSection.From(run);
                _sections.Add(section);
                figures.AddRange(section.Figures());
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A change that faults at one size is a result of its own; the other sizes still run and report.
                _failures.Add($"The {targets:N0}-server change{(size.DefaultClock ? "" : $" at time scale {size.TimeScale:0.##}")}{(warm ? " on a warm server" : "")} did not complete: {ex.Message.Split(Environment.NewLine)[0]}");
            }
        }

        if (_sections.Count == 0 && _failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, _failures));
        }

        return figures;
    }
}

using System.Diagnostics;
using System.Globalization;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Storage;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Reports;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Compliance;

/// <summary>
/// Compliance history at fleet scale on PostgreSQL: 90 nights of scans of 10,000 servers, the dashboard's and API's
/// reads timed through the same query layer they call, the storage each server-day costs, and the CPU one more
/// nightly scan of the whole fleet takes to write its history (the store's process and PostgreSQL's together).
/// </summary>
internal sealed class ComplianceScenario(BenchSizes sizes, string? postgresServer) : IScenario, ISelfRepeatingScenario
{
    private const int Servers = 10_000;
    private const int Nights = 90;
    private const double QueryTargetMs = 200;
    private const double NightlyTargetSeconds = 10;

    private static readonly string[] Queries =
    [
        "trend.30d", "trend.90d", "trend.90d.prod", "servers.non-compliant", "servers.non-compliant.prod", "servers.non-compliant.page-2", "servers.all",
        "sla.open", "sla.open.prod", "sla.shown", "sla.shown.page-2", "top-patches", "top-patches.prod", "remediation.90d", "remediation.90d.prod",
        "server-history.90d", "change-success.90d", "filter-choices",
    ];

    private static readonly SlaStatus[] ShownStatuses = [SlaStatus.Breached, SlaStatus.DueSoon, SlaStatus.Excepted];

    private readonly List<string> _notes =
    [
        $"{Servers:N0} servers × {Nights} nights. One night is written by the real store (`EfComplianceHistory.AppendScansAsync`, as the scan activities call it); the other nights are copies of its rows (INSERT ... SELECT, dated a night apart), its open findings copied as findings remediated every ten days before, then VACUUM ANALYZE. Seeding is not timed.",
        "Fleet: Dev/Test/Prod 20/30/50 %, four operating systems, a third of the servers compliant, the rest missing 1 to 8 of 240 patches (1 to 3 CVEs each).",
        "Queries go through `ComplianceReports` (what `/api/compliance/*` and the console pages call), one at a time, each repeated, with a policy of four severity SLAs (7/30/60/90 days) and two exceptions: `servers.*` and `sla.*` are the first page of 50 rows with the list's total (`sla.*` also the counts per severity and status, computed in SQL; `sla.open` every status, `sla.shown` breached, due soon and excepted as the console shows them), `*.page-2` the page after it by its token; `top-patches` the 20 most missed with their servers; `remediation.*` the mean time to remediate per severity as one GROUP BY. JSON or CSV writing of the answer is not included.",
        "The nightly scan is one more `AppendScansAsync` of the whole fleet (a tenth of the servers installed a patch, a tenth missed a new one): `nightly.cpu.app` is the benchmark process's CPU (it plays the server), `nightly.cpu.postgres` the PostgreSQL cluster's (postmaster and its children, from /proc).",
    ];

    public string Name => "compliance";

    public string Title => "Compliance history: 90 days × 10,000 servers, dashboard queries, storage and the nightly write";

    public string Description =>
        "p50/p95 in ms of every compliance query of the dashboard and API over 90 nights of 10,000 servers; bytes per server-day "
        + "(pg_total_relation_size of the compliance tables over servers × nights); CPU seconds of one nightly scan's history write.";

    public IReadOnlyList<string> Notes => _notes;

    public IReadOnlyList<Target> Targets => postgresServer is null ? [] :
    [
        .. Queries.Select(q => new Target($"{q} p95 < {QueryTargetMs} ms", $"headroom.{q}.p95", 1)),
        new($"nightly scan of {Servers:N0} servers writes its history in < {NightlyTargetSeconds} s of server CPU", "headroom.nightly.cpu", 1),
    ];

    public int Repetitions => 1;

    public bool WarmUp => false;

    private int Calls => sizes.Repetitions <= 3 ? 30 : 60;

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (postgresServer is null)
        {
            return [];
        }

        await using var database = await PostgresBenchDatabase.CreateAsync(postgresServer, cancellationToken);
        var today = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddHours(2);
        var clock = new BenchClock(today.AddDays(-1));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddWorkflowPersistence(database.CreateOptions());
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var history = provider.GetRequiredService<IComplianceHistory>();
        var queries = provider.GetRequiredService<IComplianceQueries>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await NoteSettingsAsync(connection, cancellationToken);

        // Seed: the night before today written by the store, the 89 before it copied.
        var fleet = new ComplianceFleet(Servers, today);
        var random = new Random(5);
        await history.AppendScansAsync(new ScanSource("night-template", "scan", "scheduled-scan"), fleet.Scan(clock.Now), cancellationToken);
        await ComplianceSeeder.CopyNightsAsync(connection, "night-template", Nights - 2, cancellationToken);
        await SeedChangesAsync(history, clock.Now, cancellationToken);

        // Tonight's scan, measured.
        fleet.Night(random);
        clock.Now = today;
        var scans = fleet.Scan(today);
        var cpu = CpuMeter.Start(await PostgresCpu.PostmasterAsync(connection, cancellationToken));
        var wall = Stopwatch.StartNew();
        await history.AppendScansAsync(new ScanSource("night-measured", "scan", "scheduled-scan"), scans, cancellationToken);
        wall.Stop();
        var (app, postgres) = cpu.Used();
        var db = postgres ?? double.NaN;
        var figures = new List<Figure>
        {
            new("nightly.cpu.app", "s", app),
            new("nightly.cpu.postgres", "s", db),
            new("nightly.cpu", "s", app + db),
            new("nightly.wall", "s", wall.Elapsed.TotalSeconds),
            new("headroom.nightly.cpu", "x", NightlyTargetSeconds / (app + db)),
        };

        await ComplianceSeeder.ExecuteAsync(connection, "VACUUM ANALYZE compliance_scans, compliance_findings, compliance_daily, compliance_servers, change_results", cancellationToken);
        var sizesByTable = await ComplianceSeeder.SizesAsync(connection, cancellationToken);
        var serverDays = (double)Servers * Nights;
        figures.Add(new Figure("storage.bytes-per-server-day", "bytes", sizesByTable.Values.Sum() / serverDays));
        figures.AddRange(sizesByTable.Select(t => new Figure($"storage.{t.Key}", "MiB", t.Value / 1024.0 / 1024.0)));

        var since90 = today.AddDays(-Nights);
        var server = fleet.Ids[Servers / 2];
        var all = ComplianceFilter.All;
        var prod = new ComplianceFilter { PatchGroup = "Prod" };
        var policy = new PatchPolicyHolder();
        policy.Set(
            new PatchPolicy
            {
                Slas = [new ComplianceSla("Critical", 7), new ComplianceSla("Important", 30), new ComplianceSla("Medium", 60), new ComplianceSla("Low", 90)],
                Exceptions =
                [
                    new PatchExemption { Server = fleet.Ids[3], Patch = "package*", Reason = "vendor hold", Approver = "ciso@example.com", Expires = DateOnly.FromDateTime(today.AddDays(30).UtcDateTime) },
                    new PatchExemption { Cve = "CVE-2026-10007", Reason = "mitigated", Approver = "ciso@example.com", Expires = DateOnly.FromDateTime(today.AddDays(30).UtcDateTime) },
                ],
            },
            "bench");
        var reports = new ComplianceReports(queries, policy, Options.Create(new ComplianceHistoryOptions()), clock);
        const int page = ComplianceReports.DefaultPageSize;
        var serversNext = ServerListKey.TryParse((await reports.ServersAsync(all, nonCompliantOnly: true, page, after: null, cancellationToken)).Next, out var serverKey) ? serverKey : null;
        var slaNext = SlaListKey.TryParse((await reports.SlaAsync(all, ShownStatuses, page, after: null, cancellationToken)).Next, out var slaKey) ? slaKey : null;
        var reads = new Dictionary<string, Func<Task<int>>>(StringComparer.Ordinal)
        {
            ["trend.30d"] = async () => (await reports.TrendAsync(all, 30, cancellationToken)).Count,
            ["trend.90d"] = async () => (await reports.TrendAsync(all, Nights, cancellationToken)).Count,
            ["trend.90d.prod"] = async () => (await reports.TrendAsync(prod, Nights, cancellationToken)).Count,
            ["servers.non-compliant"] = async () => (await reports.ServersAsync(all, nonCompliantOnly: true, page, after: null, cancellationToken)).Total,
            ["servers.non-compliant.prod"] = async () => (await reports.ServersAsync(prod, nonCompliantOnly: true, page, after: null, cancellationToken)).Total,
            ["servers.non-compliant.page-2"] = async () => (await reports.ServersAsync(all, nonCompliantOnly: true, page, serversNext, cancellationToken)).Items.Count,
            ["servers.all"] = async () => (await reports.ServersAsync(all, nonCompliantOnly: false, page, after: null, cancellationToken)).Total,
            ["sla.open"] = async () => (await reports.SlaAsync(all, [], page, after: null, cancellationToken)).Total,
            ["sla.open.prod"] = async () => (await reports.SlaAsync(prod, [], page, after: null, cancellationToken)).Total,
            ["sla.shown"] = async () => (await reports.SlaAsync(all, ShownStatuses, page, after: null, cancellationToken)).Total,
            ["sla.shown.page-2"] = async () => (await reports.SlaAsync(all, ShownStatuses, page, slaNext, cancellationToken)).Items.Count,
            ["top-patches"] = async () => (await reports.TopPatchesAsync(all, ComplianceReports.DefaultTopPatches, cancellationToken)).Sum(p => p.Servers.Count),
            ["top-patches.prod"] = async () => (await reports.TopPatchesAsync(prod, ComplianceReports.DefaultTopPatches, cancellationToken)).Sum(p => p.Servers.Count),
            ["remediation.90d"] = async () => (await reports.RemediationAsync(all, Nights, cancellationToken)).Sum(r => r.Remediated),
            ["remediation.90d.prod"] = async () => (await reports.RemediationAsync(prod, Nights, cancellationToken)).Sum(r => r.Remediated),
            ["server-history.90d"] = async () => (await reports.HistoryAsync(server, Nights, cancellationToken)).Count,
            ["change-success.90d"] = async () => (await reports.ChangesAsync(all, Nights, cancellationToken)).Count,
            ["filter-choices"] = async () => (await reports.ChoicesAsync(cancellationToken)).PatchGroups.Count,
        };
        foreach (var (name, read) in reads)
        {
            var rows = await read();
            var times = new List<double>(Calls);
            for (var i = 0; i < Calls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await read();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var p95 = Statistics.Percentile(times, 95);
            figures.Add(new Figure($"{name}.p50", "ms", Statistics.Percentile(times, 50)));
            figures.Add(new Figure($"{name}.p95", "ms", p95));
            figures.Add(new Figure($"{name}.rows", "rows", rows));
            figures.Add(new Figure($"headroom.{name}.p95", "x", QueryTargetMs / p95));
        }

        return figures;
    }

    /// <summary>A patch change per group and week for the 13 weeks, alternately on ServiceNow and Jira.</summary>
    private static async Task SeedChangesAsync(IComplianceHistory history, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcomes = new[] { ChangeOutcome.Successful, ChangeOutcome.Successful, ChangeOutcome.SuccessfulWithIssues, ChangeOutcome.Successful, ChangeOutcome.Unsuccessful };
        for (var week = 0; week < 13; week++)
        {
            foreach (var (group, g) in new[] { "Dev", "Test", "Prod" }.Select((g, i) => (g, i)))
            {
                var closed = now.AddDays(-(week * 7) - g);
                await history.RecordChangeAsync(new ChangeResult
                {
                    WorkflowInstanceId = $"change-{week}-{group}", Desk = (week + g) % 2 == 0 ? "servicenow" : "jira", Number = $"CHG{week:D3}{g}",
                    PatchGroup = group, Environment = group, Outcome = outcomes[(week + g) % outcomes.Length],
                    RolledBackServers = outcomes[(week + g) % outcomes.Length] == ChangeOutcome.Unsuccessful ? 3 : 0,
                    StartedAt = closed.AddHours(-3 - g), ClosedAt = closed,
                }, cancellationToken);
            }
        }
    }

    private async Task NoteSettingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var settings = new List<string>();
        foreach (var name in new[] { "server_version", "shared_buffers", "work_mem", "effective_cache_size", "maintenance_work_mem", "random_page_cost", "max_connections", "fsync", "synchronous_commit", "jit" })
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)}");
        }

        _notes.Add("PostgreSQL settings (SHOW): " + string.Join(", ", settings) + ".");
    }
}

using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Compliance;

/// <summary>
/// A month of a small fleet on the fake clock: a patch released every four days, a scan each night, a patch change in
/// the middle that patches every server but the excepted one, and the reports read day by day.
/// </summary>
public sealed class EfComplianceHistoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private const int Servers = 6;

    private const int ChangeDay = 14;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendScansAsync_TimeScaledMonth_TrendSlaExceptionAndChangeSuccessFollowTheFleet(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var store = harness.Get<IComplianceHistory>();
        var queries = harness.Get<IComplianceQueries>();
        var group = "month-" + Guid.NewGuid().ToString("N")[..8];
        var filter = new ComplianceFilter { PatchGroup = group };
        var excepted = MonthFleet.ExceptedOf(group);
        var policy = new PatchPolicy
        {
            Slas = [new ComplianceSla("Critical", 7), new ComplianceSla("Important", 30)],
            Exceptions =
            [
                new PatchExemption { Server = excepted, Patch = "KB-D03", Reason = "vendor certification", Approver = "ciso@example.com", Expires = DateOnly.FromDateTime(Day0.AddDays(20).UtcDateTime) },
            ],
        };
        var fleet = new MonthFleet(group);
        var breachedOn = new Dictionary<int, IReadOnlyList<SlaFinding>>();
        var exceptedOn = new Dictionary<int, IReadOnlyList<SlaFinding>>();

        for (var day = 0; day < 30; day++)
        {
            var nightly = Day0.AddDays(day).AddHours(2);
            harness.Time.AdjustTime(nightly);
            await store.AppendScansAsync(new ScanSource($"scan-{group}-{day}", "scan", "scheduled-scan"), fleet.Scan(nightly), CancellationToken.None);
            if (day == ChangeDay)
            {
                var start = nightly.AddHours(8);
                harness.Time.AdjustTime(start);
                await store.AppendScansAsync(new ScanSource($"change-{group}", "scan", "patch-change"), fleet.Scan(start), CancellationToken.None);
                fleet.PatchAllBut(excepted);
                var end = start.AddHours(2);
                harness.Time.AdjustTime(end);
                await store.AppendScansAsync(new ScanSource($"change-{group}", "verify", "patch-change"), fleet.Scan(end), CancellationToken.None);
                await store.RecordChangeAsync(
                    new ChangeResult
                    {
                        WorkflowInstanceId = $"change-{group}", Desk = "servicenow", Number = "CHG0030001", PatchGroup = group, Environment = "Prod",
                        Outcome = ChangeOutcome.Successful, StartedAt = start.AddHours(-3), ClosedAt = end,
                    },
                    CancellationToken.None);
            }

            var evaluated = SlaEvaluator.Evaluate(await queries.OpenFindingsAsync(filter, CancellationToken.None), policy, harness.Now, dueSoonDays: 3);
            breachedOn[day] = [.. evaluated.Where(f => f.Status == SlaStatus.Breached)];
            exceptedOn[day] = [.. evaluated.Where(f => f.Status == SlaStatus.Excepted)];

            // The database judges the open findings as the evaluator does: the same counts, and the same rows page by page.
            var rules = SlaRules.From(policy, harness.Now, dueSoonDays: 3);
            Assert.Equal(
                evaluated.GroupBy(f => (f.Finding.Severity ?? SlaEvaluator.UnknownSeverity, f.Status)).Select(g => $"{g.Key.Item1} {g.Key.Status} {g.Count()}").Order(StringComparer.Ordinal),
                (await queries.SlaCountsAsync(filter, rules, CancellationToken.None)).Select(c => $"{c.Severity} {c.Status} {c.Count}").Order(StringComparer.Ordinal));
            Assert.Equal(
                evaluated.Where(f => f.Status != SlaStatus.WithinSla).OrderBy(f => f.DueAt?.UtcTicks ?? long.MaxValue).ThenBy(f => f.Finding.ServerId, StringComparer.Ordinal).ThenBy(f => f.Finding.PatchId, StringComparer.Ordinal)
                    .Select(f => $"{f.Finding.ServerId} {f.Finding.PatchId} {f.Status}"),
                (await SlaPagesAsync(queries, filter, rules, [SlaStatus.Breached, SlaStatus.DueSoon, SlaStatus.Excepted, SlaStatus.NoSla])).Select(f => $"{f.ServerId} {f.PatchId} {SlaEvaluator.Judge(f, rules).Status}"));
        }

        var trend = (await queries.TrendAsync(filter, DateOnly.FromDateTime(Day0.UtcDateTime), CancellationToken.None)).ToDictionary(p => p.Day);
        double Percent(int day) => trend[DateOnly.FromDateTime(Day0.AddDays(day).UtcDateTime)].CompliancePercent;

        // Compliant until the first release, none from then to the change, all but the excepted one after it, until the next release.
        Assert.Equal(30, trend.Count);
        Assert.Equal(100, Percent(2));
        Assert.Equal(0, Percent(3));
        Assert.Equal(0, Percent(13));
        Assert.Equal(83.3, Percent(ChangeDay));
        Assert.Equal(83.3, Percent(14));
        Assert.Equal(0, Percent(15));
        Assert.Equal(Servers, trend[DateOnly.FromDateTime(Day0.AddDays(15).UtcDateTime)].Servers);

        // The critical patch of day 3 (first seen at that night's scan) is due seven days later: breached from day 10 on.
        Assert.DoesNotContain(breachedOn[9], f => f.Finding.PatchId == "KB-D03");
        Assert.Equal(Servers - 1, breachedOn[10].Count(f => f.Finding.PatchId == "KB-D03"));
        Assert.DoesNotContain(breachedOn[10], f => f.Finding.ServerId == excepted);

        // The excepted server shows as excepted while the exception holds, and breached the day after it expires.
        Assert.Contains(exceptedOn[19], f => f.Finding.ServerId == excepted && f.ExceptionApprover == "ciso@example.com");
        Assert.Contains(exceptedOn[20], f => f.Finding.ServerId == excepted);
        Assert.DoesNotContain(breachedOn[20], f => f.Finding.ServerId == excepted && f.Finding.PatchId == "KB-D03");
        Assert.Contains(breachedOn[21], f => f.Finding.ServerId == excepted && f.Finding.PatchId == "KB-D03");
        Assert.Empty(exceptedOn[21]);

        // The change counts once, as successful; the patches it installed count as remediated, critical ones after about eleven days.
        var changes = await queries.ChangeSuccessAsync(filter, Day0, CancellationToken.None);
        var change = Assert.Single(changes);
        Assert.Equal((1, 0, 0), (change.Successful, change.SuccessfulWithIssues, change.Unsuccessful));
        Assert.Equal(300, change.MedianDurationMinutes);
        var mttr = SlaEvaluator.MeanTimeToRemediate(await queries.RemediatedFindingsAsync(filter, Day0, CancellationToken.None));
        var critical = Assert.Single(mttr, r => r.Severity == "Critical");
        Assert.Equal((Servers - 1) * 2, critical.Remediated);
        var grouped = await queries.MeanTimeToRemediateAsync(filter, Day0, CancellationToken.None);
        Assert.Equal(mttr.Select(r => (r.Severity, r.Remediated)), grouped.Select(r => (r.Severity, r.Remediated)));
        Assert.All(mttr.Zip(grouped), pair => Assert.Equal(pair.First.MeanDays, pair.Second.MeanDays, 0.011));

        // The top missing patches are those the open findings name most, each with all its servers.
        var open = await queries.OpenFindingsAsync(filter, CancellationToken.None);
        var top = await queries.TopMissingPatchesAsync(filter, 3, CancellationToken.None);
        Assert.Equal(
            open.GroupBy(f => f.PatchId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3).Select(g => $"{g.Key} {string.Join(' ', g.Select(f => f.ServerId).Order(StringComparer.Ordinal))}"),
            top.Select(p => $"{p.PatchId} {string.Join(' ', p.Servers)}"));

        // The server list a page at a time is the whole list in order: critical first, then by id.
        var whole = await queries.ServersAsync(filter, nonCompliantOnly: false, after: null, limit: null, CancellationToken.None).ToListAsync();
        var paged = new List<ServerComplianceState>();
        for (ServerListKey? after = null; paged.Count < whole.Count + 1;)
        {
            var page = await queries.ServersAsync(filter, nonCompliantOnly: false, after, limit: 4, CancellationToken.None).ToListAsync();
            paged.AddRange(page);
            if (page.Count < 4)
            {
                break;
            }

            after = ServerListKey.Of(page[^1]);
        }

        Assert.Equal(Servers, await queries.CountServersAsync(filter, nonCompliantOnly: false, CancellationToken.None));
        Assert.Equal(whole.Select(s => s.ServerId), paged.Select(s => s.ServerId));
        Assert.Equal(excepted, whole[0].ServerId);

        // The excepted server's history keeps the nightly scans and both scans of the change.
        var history = await queries.ServerHistoryAsync(excepted, Day0, CancellationToken.None);
        Assert.Equal(32, history.Count);
        Assert.Contains(history, s => s.Source == "patch-change");
        Assert.Contains("KB-D03", history[0].MissingPatchIds);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendScansAsync_SameStepTwice_AppendsOnce(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var history = harness.Get<IComplianceHistory>();
        var group = "replay-" + Guid.NewGuid().ToString("N")[..8];
        var fleet = new MonthFleet(group);
        fleet.Release(harness.Now.AddDays(-1), "Critical");
        var source = new ScanSource("replay-" + group, "scan", "scheduled-scan");

        var first = await history.AppendScansAsync(source, fleet.Scan(harness.Now), CancellationToken.None);
        var again = await history.AppendScansAsync(source, fleet.Scan(harness.Now), CancellationToken.None);

        var queries = harness.Get<IComplianceQueries>();
        Assert.Equal(Servers, first);
        Assert.Equal(0, again);
        Assert.Single(await queries.ServerHistoryAsync("i-srv0-" + group, harness.Now.AddDays(-1), CancellationToken.None));
        Assert.Equal(Servers, (await queries.OpenFindingsAsync(new ComplianceFilter { PatchGroup = group }, CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendScansAsync_SeenAgainThenAnOlderScanLate_UpdatesTheOpenFindingsAndKeepsTheLateScanAsHistoryOnly(PersistenceProvider provider)
    {
        await using var harness = await fixture.HarnessAsync(provider);
        var history = harness.Get<IComplianceHistory>();
        var queries = harness.Get<IComplianceQueries>();
        var group = "late-" + Guid.NewGuid().ToString("N")[..8];
        var fleet = new MonthFleet(group);
        var server = "i-srv0-" + group;
        var filter = new ComplianceFilter { PatchGroup = group };
        fleet.Release(harness.Now.AddDays(-3), "Critical");
        var first = harness.Now.AddHours(-2);
        var again = harness.Now;

        await history.AppendScansAsync(new ScanSource("first-" + group, "scan", "scheduled-scan"), fleet.Scan(first), CancellationToken.None);
        await history.AppendScansAsync(new ScanSource("again-" + group, "scan", "scheduled-scan"), fleet.Scan(again), CancellationToken.None);
        var seenAgain = await queries.OpenFindingsAsync(filter, CancellationToken.None);

        // Scanned before both, with a patch the servers no longer miss: it is history, not their state.
        fleet.Release(harness.Now.AddDays(-1), "Important");
        var late = await history.AppendScansAsync(new ScanSource("late-" + group, "scan", "scheduled-scan"), fleet.Scan(harness.Now.AddHours(-4)), CancellationToken.None);
        var afterLate = await queries.OpenFindingsAsync(filter, CancellationToken.None);

        Assert.Equal(Servers, seenAgain.Count);
        Assert.All(seenAgain, f => Assert.Equal((first, again, null), (f.FirstSeenAt, f.LastSeenAt, f.RemediatedAt)));
        Assert.Equal(Servers, late);
        Assert.Equal(seenAgain.Select(f => (f.ServerId, f.PatchId, f.LastSeenAt)).Order(), afterLate.Select(f => (f.ServerId, f.PatchId, f.LastSeenAt)).Order());
        var scans = await queries.ServerHistoryAsync(server, harness.Now.AddDays(-1), CancellationToken.None);
        Assert.Equal(3, scans.Count);
        var states = await queries.ServersAsync(filter, nonCompliantOnly: false, after: null, limit: null, CancellationToken.None).ToListAsync();
        Assert.Equal(Servers, states.Count);
        Assert.All(states, s => Assert.Equal(again, s.ScannedAt));
    }

    [Fact]
    public async Task AppendScansAsync_ChangesScanningAtOnceOnPostgres_EveryScanIsAppendedAndTheDayRolledUp()
    {
        await using var harness = await fixture.HarnessAsync(PersistenceProvider.Postgres);
        var history = harness.Get<IComplianceHistory>();
        var queries = harness.Get<IComplianceQueries>();
        var groups = Enumerable.Range(0, 8).Select(i => $"race{i}-" + Guid.NewGuid().ToString("N")[..8]).ToList();

        // Each change's scan adds servers seen for the first time and replaces the same day's rollups.
        var appended = await Task.WhenAll(groups.Select(group => Task.Run(() =>
        {
            var fleet = new MonthFleet(group);
            fleet.Release(harness.Now.AddDays(-1), "Critical");
            return history.AppendScansAsync(new ScanSource("change-" + group, "scan", "patch-change"), fleet.Scan(harness.Now), CancellationToken.None);
        })));

        Assert.All(appended, count => Assert.Equal(Servers, count));
        foreach (var group in groups)
        {
            var day = Assert.Single(await queries.TrendAsync(new ComplianceFilter { PatchGroup = group }, DateOnly.FromDateTime(harness.Now.UtcDateTime), CancellationToken.None));
            Assert.Equal(Servers, day.Servers);
            Assert.Equal(0, day.CompliancePercent);
        }
    }

    /// <summary>Every open finding of the statuses, read three at a time as the SLA list pages.</summary>
    private static async Task<List<PatchFinding>> SlaPagesAsync(IComplianceQueries queries, ComplianceFilter filter, SlaRules rules, SlaStatus[] statuses)
    {
        var all = new List<PatchFinding>();
        SlaListKey? after = null;
        while (true)
        {
            var page = await queries.SlaFindingsAsync(filter, rules, statuses, after, limit: 3, CancellationToken.None).ToListAsync();
            all.AddRange(page);
            if (page.Count < 3)
            {
                return all;
            }

            after = SlaListKey.Of(SlaEvaluator.Judge(page[^1], rules));
        }
    }

    /// <summary>The fleet of the month: the patches released so far and which server installed which.</summary>
    private sealed class MonthFleet(string group)
    {
        private readonly List<MissingPatch> _released = [];
        private readonly Dictionary<string, HashSet<string>> _installed = [];

        private readonly List<string> _servers = [.. Enumerable.Range(0, Servers).Select(i => i == Servers - 1 ? ExceptedOf(group) : $"i-srv{i}-{group}")];

        /// <summary>The server the month's policy excepts from one patch.</summary>
        public static string ExceptedOf(string group) => $"i-srv{Servers - 1}-{group}";

        public void Release(DateTimeOffset at, string severity)
        {
            var day = (int)(at - Day0).TotalDays;
            _released.Add(new MissingPatch
            {
                Id = $"KB-D{day:00}", Title = $"Update of day {day}", Severity = severity, Classification = "SecurityUpdates", State = MissingPatchState.Missing,
                CveIds = [$"CVE-2026-{1000 + day}"], ReleaseDate = at,
            });
        }

        public void PatchAllBut(string server)
        {
            foreach (var id in _servers.Where(s => s != server))
            {
                (_installed.TryGetValue(id, out var set) ? set : _installed[id] = []).UnionWith(_released.Select(p => p.Id));
            }
        }

        /// <summary>Releases a patch every four days from day 3 (critical and important by turns), then scans every server.</summary>
        public IReadOnlyList<ServerScan> Scan(DateTimeOffset at)
        {
            var day = (int)(at - Day0).TotalDays;
            if (day >= 3 && (day - 3) % 4 == 0 && _released.All(p => p.Id != $"KB-D{day:00}"))
            {
                Release(Day0.AddDays(day), (day - 3) % 8 == 0 ? "Critical" : "Important");
            }

            return
            [
                .. _servers.Select(id =>
                {
                    var installed = _installed.GetValueOrDefault(id) ?? [];
                    var missing = _released.Where(p => !installed.Contains(p.Id)).ToList();
                    return new ServerScan
                    {
                        ServerId = id, PatchGroup = group, Environment = "Prod", OperatingSystem = "Windows", BaselineId = "pb-0123456789abcdef0",
                        Operation = PatchOperation.Scan, ScannedAt = at,
                        Counts = new PatchStateCounts
                        {
                            Installed = 40 + installed.Count, Missing = missing.Count, CriticalNonCompliant = missing.Count(p => p.Severity == "Critical"),
                            SecurityNonCompliant = missing.Count,
                        },
                        MissingPatches = missing,
                    };
                }),
            ];
        }
    }
}

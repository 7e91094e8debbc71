using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Patching.Compliance;

/// <summary>
/// A month in the sandbox on one fake clock shared by the engine and the simulators (time scale 1): the vendor
/// releases Amazon Linux updates every few days (the default baseline approves them seven days after release), the
/// repository's <c>scheduled-scan</c> runs each night, the repository's <c>patch-change</c> patches every server of the
/// group (tagged into the Dev environment the change targets) but the excepted one in the middle of the month, and
/// the history lands on PostgreSQL.
/// </summary>
public sealed class ComplianceMonthTests
{
    private const string Group = "Month";

    private const int ChangeDay = 17;

    private static readonly DateTimeOffset FleetBorn = new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Nine days after the fleet's newest update: everything the catalogue held is approved and installed by then.</summary>
    private static readonly DateTimeOffset Day0 = FleetBorn.AddDays(9);

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ScheduledScanAndPatchChange_TimeScaledMonth_TrendSlaExceptionAndChangeSuccessFollowTheFleet()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        ServiceProvider? store = null;
        await using var harness = await PatchingHarness.StartOnSharedClockAsync(FleetBorn, fleetSize: 60, seed: 11, engine => engine
            .AddSingleton(_ => store!.GetRequiredService<IComplianceHistory>())
            .AddSingleton(_ => store!.GetRequiredService<IChangeResultLog>()));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(harness.Time);
        services.AddWorkflowPersistence(database.CreateOptions());
        store = services.BuildServiceProvider();
        await using var _ = store;
        var queries = store.GetRequiredService<IComplianceQueries>();
        var servers = (await harness.Aws.OnlineNodesAsync())
            .Where(n => n is { Hybrid: false, PlatformName: "Amazon Linux", VolumeIds.Count: > 0 })
            .Take(4)
            .Select(n => n.InstanceId)
            .Order(StringComparer.Ordinal)
            .ToList();
        var excepted = servers[^1];
        await harness.Aws.DeclarePatchGroupAsync(Group);
        // The change patches the Dev environment, and ResolveTargets keeps only the given ids that are in it: the
        // simulated fleet spreads its Amazon Linux servers over Dev, Test and Prod, so the month's servers are tagged
        // into Dev as into the patch group, or a server of another environment would (rightly) be left out of the change.
        foreach (var id in servers)
        {
            await harness.Aws.TagAsync(id, "Patch Group", Group);
            await harness.Aws.TagAsync(id, FleetTags.Environment, "Dev");
        }

        await InstallEverythingAsync(harness, servers, Day0.AddDays(-1));
        await harness.PublishAsync(await File.ReadAllTextAsync(PatchChangeServer.RepositoryFile("workflows", "scheduled-scan.json")));
        await harness.PublishAsync(await File.ReadAllTextAsync(PatchChangeServer.RepositoryFile("workflows", "patch-change.json")));
        var policy = new PatchPolicy
        {
            Slas = [new ComplianceSla("Critical", 10), new ComplianceSla("Important", 30)],
            Exceptions =
            [
                new PatchExemption { Server = excepted, Patch = "monthfix-*", Reason = "vendor certification", Approver = "ciso@example.com", Expires = DateOnly.FromDateTime(Day0.AddDays(20).UtcDateTime) },
            ],
        };
        var releases = new Dictionary<int, (string Id, string Severity)>
        {
            [1] = ("monthfix-a.x86_64", "Critical"),
            [4] = ("monthfix-b.x86_64", "Important"),
            [9] = ("monthfix-c.x86_64", "Critical"),
            [24] = ("monthfix-d.x86_64", "Critical"),
        };
        var filter = new ComplianceFilter { PatchGroup = Group };
        var evaluated = new Dictionary<int, IReadOnlyList<SlaFinding>>();
        string? changeId = null;

        for (var day = 0; day < 30; day++)
        {
            harness.Time.SetUtcNow(Day0.AddDays(day));
            if (releases.TryGetValue(day, out var release))
            {
                await harness.Aws.PostAsync("patches", new
                {
                    operatingSystem = "AmazonLinux2023", kbId = release.Id, title = release.Id + ":0:1.0." + day, classification = "Security",
                    severity = release.Severity, cveIds = new[] { $"CVE-2026-5{day:D4}" }, requiresReboot = false,
                });
            }

            harness.Time.SetUtcNow(Day0.AddDays(day).AddHours(2));
            var scan = await harness.StartAsync("scheduled-scan", new JsonObject { ["patchGroups"] = new JsonArray(Group), ["pollInterval"] = "PT1M", ["maxPollInterval"] = "PT5M" });
            var scanned = await harness.RunWhileSuspendedAsync(scan.Id, Step);
            Assert.True(scanned.Status == InstanceStatus.Completed, $"day {day}: {scanned.Status} {scanned.Incident?.Message}");
            if (day == ChangeDay)
            {
                harness.Time.SetUtcNow(Day0.AddDays(day).AddHours(10));
                changeId = (await harness.StartAsync("patch-change", ChangeInput(servers.Where(s => s != excepted), harness.Time.GetUtcNow()))).Id;
                var change = await harness.RunWhileSuspendedAsync(changeId, Step);
                Assert.True(change.Status == InstanceStatus.Completed, $"{change.Status} {change.Incident?.Message}");
            }

            evaluated[day] = SlaEvaluator.Evaluate(await queries.OpenFindingsAsync(filter, CancellationToken.None), policy, harness.Time.GetUtcNow(), dueSoonDays: 3);
        }

        var trend = (await queries.TrendAsync(filter, DateOnly.FromDateTime(Day0.UtcDateTime), CancellationToken.None)).ToDictionary(p => p.Day);
        double Percent(int day) => trend[DateOnly.FromDateTime(Day0.AddDays(day).UtcDateTime)].CompliancePercent;
        List<string> Breached(int day, string patch) => [.. evaluated[day].Where(f => f.Status == SlaStatus.Breached && f.Finding.PatchId == patch).Select(f => f.Finding.ServerId).Order(StringComparer.Ordinal)];

        // Compliant until the first release is approved (day 1 + 7), none until the change, all but the excepted one after it.
        Assert.Equal(30, trend.Count);
        Assert.All(trend.Values, p => Assert.Equal(4, p.Servers));
        // The change patched its three targets, every server but the excepted one; they are compliant from its day on.
        var patched = (await queries.ServersAsync(filter, nonCompliantOnly: false, after: null, limit: null, CancellationToken.None).ToListAsync())
            .Where(s => s.Counts.IsCompliant).Select(s => s.ServerId).Order(StringComparer.Ordinal).ToList();
        var unpatched = servers.Except(patched, StringComparer.Ordinal).ToList();
        Assert.Equal(servers.Where(s => s != excepted), patched);
        Assert.Equal([excepted], unpatched);
        Assert.Equal([100, 100, 0, 0, 75, 75], new[] { Percent(0), Percent(7), Percent(8), Percent(16), Percent(ChangeDay), Percent(29) });

        // The critical update of day 1 is found on day 8 (approved then) but its SLA runs from the release: breached on day 11, not on day 18.
        var first = evaluated[8].Where(f => f.Finding.PatchId == "monthfix-a.x86_64").ToList();
        Assert.Equal(4, first.Count);
        Assert.All(first, f => Assert.Equal(Day0.AddDays(1), f.Finding.ReleaseDate));
        Assert.All(first, f => Assert.Equal(Day0.AddDays(11), f.DueAt));
        Assert.Empty(Breached(10, "monthfix-a.x86_64"));
        Assert.Equal(servers.Where(s => s != excepted), Breached(11, "monthfix-a.x86_64"));

        // The exception hides its server from the breaches while it holds (to day 20), and shows it the day after.
        Assert.All(Enumerable.Range(11, 10), day => Assert.DoesNotContain(excepted, Breached(day, "monthfix-a.x86_64")));
        Assert.Contains(evaluated[20], f => f.Finding.ServerId == excepted && f.Status == SlaStatus.Excepted && f.ExceptionApprover == "ciso@example.com");
        Assert.Equal(unpatched.Order(StringComparer.Ordinal), Breached(21, "monthfix-a.x86_64"));
        Assert.Equal(unpatched.Order(StringComparer.Ordinal), Breached(21, "monthfix-c.x86_64"));
        Assert.DoesNotContain(evaluated[21], f => f.Status == SlaStatus.Excepted);

        // The change counts once, successful; the updates it installed count as remediated.
        var success = Assert.Single(await queries.ChangeSuccessAsync(filter, Day0, CancellationToken.None));
        Assert.Equal((1, 0, 0, "servicenow"), (success.Successful, success.SuccessfulWithIssues, success.Unsuccessful, success.Desk));
        var remediated = await queries.RemediatedFindingsAsync(filter, Day0, CancellationToken.None);
        Assert.Equal(3 * patched.Count, remediated.Count);
        Assert.All(remediated, f => Assert.Contains(f.ServerId, patched));
        var history = await queries.ServerHistoryAsync(patched[0], Day0, CancellationToken.None);
        Assert.Contains(history, s => s.Source == "patch-change");
        Assert.Equal(30, history.Count(s => s.Source == "scheduled-scan"));
        Assert.NotNull(changeId);
    }

    /// <summary>Brings the servers up to date with an install sent straight to SSM, as before the month begins.</summary>
    private static async Task InstallEverythingAsync(PatchingHarness harness, IReadOnlyList<string> servers, DateTimeOffset at)
    {
        harness.Time.SetUtcNow(at);
        var command = await harness.Aws.InstallOutsideAChangeAsync(servers);
        for (var round = 0; round < 240 && await harness.Aws.CommandStatusAsync(command) is "Pending" or "InProgress"; round++)
        {
            harness.Time.Advance(Step);
        }

        Assert.Equal("Success", await harness.Aws.CommandStatusAsync(command));
    }

    private static JsonObject ChangeInput(IEnumerable<string> servers, DateTimeOffset now) => new()
    {
        ["desk"] = "servicenow",
        ["patchGroup"] = Group,
        ["environment"] = "Dev",
        ["instanceIds"] = new JsonArray([.. servers.Select(id => (JsonNode)id)]),
        ["windowStart"] = now.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["windowEnd"] = now.AddHours(4).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["policy"] = new JsonObject { ["Dev"] = new JsonObject { ["changeType"] = "standard", ["risk"] = "low", ["impact"] = "low", ["requiresApproval"] = false } },
        ["pollInterval"] = "PT1M",
        ["maxPollInterval"] = "PT1M",
        ["approvalPollInterval"] = "PT1M",
        ["canaryPercent"] = 0,
        ["soak"] = "PT0S",
        ["maxConcurrency"] = "100%",
        ["maxErrors"] = "100%",
        ["failureThreshold"] = "0",
    };
}

using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Server.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary>
/// <c>workflows/compliance-digest.json</c> as shipped, fired by the cron worker every node runs, reading the compliance
/// history on PostgreSQL and posting to a real HTTP receiver: one digest a day, breaches with exceptions honoured and
/// the critical findings that are new since the previous digest.
/// </summary>
public sealed class ComplianceDigestTests : IAsyncLifetime
{
    private const string Group = "Digest";

    // The harness's clock starts on 2026-03-02 08:00 UTC; the digest runs each day at 07:00.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ToFirstDigest = TimeSpan.FromHours(23).Add(TimeSpan.FromSeconds(20));

    private static readonly MissingPatch Old = Patch("KB-OLD", "CVE-2026-1000", Start.AddDays(-12));
    // Released the day it was found: its SLA clock starts at the release, as for any patch the server was there for.
    private static readonly MissingPatch Mid = Patch("KB-MID", "CVE-2026-1500", Start.AddDays(-6));

    private PostgresTestDatabase _database = null!;
    private ServiceProvider _history = null!;
    private PatchingHarness _harness = null!;
    private HttpTestEndpoint _webhook = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start.AddDays(-30)));
        services.AddWorkflowPersistence(_database.CreateOptions());
        _history = services.BuildServiceProvider();
        _harness = await PatchingHarness.StartAsync(fleetSize: 3, engineServices: engine => engine
            .AddSingleton(_history.GetRequiredService<IComplianceQueries>())
            .AddOptions<ComplianceHistoryOptions>());
        LoadPolicy();
        _webhook = await HttpTestEndpoint.StartAsync();

        // The shipped workflow with its webhook set where an operator sets it: on the cron trigger's input.
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(PatchChangeServer.RepositoryFile("workflows", "compliance-digest.json")))!;
        definition["triggers"]![0]!["input"] = new JsonObject { ["notifyUrl"] = _webhook.Url + "/hooks/digest" };
        await _harness.PublishAsync(definition.ToJsonString());

        // Two servers found missing a critical patch ten days before the first digest (breached by then, one excepted),
        // a third found missing another six days before (due an hour after the first digest).
        await AppendAsync("scan-old", Start.AddDays(-10), Scan("i-dig1", Start.AddDays(-10), Old), Scan("i-dig2", Start.AddDays(-10), Old), Scan("i-dig3", Start.AddDays(-10)));
        await AppendAsync("scan-mid", Start.AddDays(-6), Scan("i-dig3", Start.AddDays(-6), Mid));
    }

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        await _harness.DisposeAsync();
        await _history.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Digest_TwoDays_SendsOneDigestADayWithBreachesAndOnlyTheNewCriticalFindings()
    {
        var node1 = Worker();
        var node2 = Worker();

        await _harness.AdvanceAsync(ToFirstDigest);
        var firstDay = (await node1.StartDueAsync(CancellationToken.None), await node2.StartDueAsync(CancellationToken.None));
        var first = await _harness.InstanceAsync("cron-compliance-digest-0-20260303T0700Z");
        var found = Start.AddDays(1).AddHours(12);
        await AppendAsync("scan-new", found, Scan("i-dig1", found, Old), Scan("i-dig3", found, Mid, Patch("KB-NEW", "CVE-2026-2000", found.AddDays(-1))));
        await _harness.AdvanceAsync(TimeSpan.FromDays(1));
        var secondDay = (await node2.StartDueAsync(CancellationToken.None), await node1.StartDueAsync(CancellationToken.None));
        var second = await _harness.InstanceAsync("cron-compliance-digest-0-20260304T0700Z");

        Assert.Equal((1, 0), firstDay);
        Assert.Equal((1, 0), secondDay);
        Assert.Equal(InstanceStatus.Completed, first.Status);
        Assert.Equal(InstanceStatus.Completed, second.Status);
        Assert.Equal(2, _webhook.Requests.Count);
        Assert.Equal(["cron-compliance-digest-0-20260303T0700Z:notify:0", "cron-compliance-digest-0-20260304T0700Z:notify:0"], _webhook.Requests.Select(r => r.Headers["Idempotency-Key"]));
        var day1 = JsonNode.Parse(_webhook.Requests[0].Body)!;
        var day2 = JsonNode.Parse(_webhook.Requests[1].Body)!;
        Assert.Equal("Daily compliance digest", day1["title"]!.GetValue<string>());
        var text1 = day1["text"]!.GetValue<string>();
        Assert.StartsWith("SLA breaches: 1 (0 new since 2026-03-02 07:00 UTC)\n- i-dig1: KB-OLD (Critical) 10 days missing, SLA 7 days [CVE-2026-1000]\n", text1, StringComparison.Ordinal);
        Assert.DoesNotContain("i-dig2", text1, StringComparison.Ordinal);
        Assert.EndsWith("New critical findings since 2026-03-02 07:00 UTC: 0", text1, StringComparison.Ordinal);
        Assert.Equal(1, day1["fields"]!["slaBreaches"]!.GetValue<int>());
        var text2 = day2["text"]!.GetValue<string>();
        Assert.StartsWith(
            "SLA breaches: 2 (1 new since 2026-03-03 07:00 UTC)\n- i-dig1: KB-OLD (Critical) 11 days missing, SLA 7 days [CVE-2026-1000]\n- i-dig3: KB-MID (Critical) 7 days missing, SLA 7 days [CVE-2026-1500]\n",
            text2,
            StringComparison.Ordinal);
        Assert.EndsWith("New critical findings since 2026-03-03 07:00 UTC: 1\n- i-dig3: KB-NEW Security update KB-NEW [CVE-2026-2000]", text2, StringComparison.Ordinal);
        Assert.Equal(1, day2["fields"]!["newCriticalFindings"]!.GetValue<int>());
    }

    [Fact]
    public async Task Digest_CommitLostAfterSending_RunsAgainWithTheSameIdempotencyKeyAndNoMore()
    {
        var worker = Worker();
        await _harness.AdvanceAsync(ToFirstDigest);

        // The node dies after the digest went out and before its instance was committed; a restarted node finds the occurrence not started.
        _harness.LoseNextCommit();
        var lost = await worker.StartDueAsync(CancellationToken.None);
        await _harness.RestartAsync();
        LoadPolicy();
        worker = Worker();
        var rerun = await worker.StartDueAsync(CancellationToken.None);
        var again = await worker.StartDueAsync(CancellationToken.None);
        var instance = await _harness.InstanceAsync("cron-compliance-digest-0-20260303T0700Z");

        Assert.Equal((0, 1, 0), (lost, rerun, again));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(2, _webhook.Requests.Count);
        Assert.Single(_webhook.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct());
        Assert.Equal(_webhook.Requests[0].Body, _webhook.Requests[1].Body);
    }

    // A server loads its policy folder at start; the restarted engine of the harness is given it the same way.
    private void LoadPolicy() => _harness.Services.GetRequiredService<PatchPolicyHolder>().Set(
        new PatchPolicy
        {
            Slas = [new ComplianceSla("Critical", 7)],
            Exceptions = [new PatchExemption { Server = "i-dig2", Patch = "KB-OLD", Reason = "vendor hold", Approver = "ciso@example.com", Expires = new DateOnly(2026, 12, 31) }],
        },
        "policies");

    private CronTriggerWorker Worker() => new(
        _harness.Services.GetRequiredService<IWorkflowDefinitionStore>(),
        _harness.Services.GetRequiredService<IWorkflowInstanceStore>(),
        _harness.Runtime,
        Options.Create(new RuntimeWorkerOptions()),
        _harness.Time,
        NullLogger<CronTriggerWorker>.Instance);

    private Task AppendAsync(string instanceId, DateTimeOffset at, params ServerScan[] scans)
    {
        ((FakeTimeProvider)_history.GetRequiredService<TimeProvider>()).SetUtcNow(at);
        return _history.GetRequiredService<IComplianceHistory>().AppendScansAsync(new ScanSource(instanceId, "scan", "scheduled-scan"), scans, CancellationToken.None);
    }

    private static MissingPatch Patch(string id, string cve, DateTimeOffset released) => new()
    {
        Id = id, Title = "Security update " + id, Severity = "Critical", Classification = "SecurityUpdates", State = MissingPatchState.Missing, CveIds = [cve], ReleaseDate = released,
    };

    private static ServerScan Scan(string id, DateTimeOffset at, params MissingPatch[] missing) => new()
    {
        ServerId = id, PatchGroup = Group, Environment = "Prod", OperatingSystem = "Windows", Operation = PatchOperation.Scan, ScannedAt = at,
        Counts = new PatchStateCounts { Installed = 30, Missing = missing.Length, CriticalNonCompliant = missing.Length },
        MissingPatches = missing,
    };
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.IntegrationTests.Patching.Fleet;

/// <summary>The scan activity against the simulated fleet writes the compliance history on a real database, once even when its commit is lost.</summary>
public sealed class ScanHistoryRecorderTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ScanForMissingPatches_CommitLostAfterRecording_ReplayAppendsNothingTwice()
    {
        await using var recording = await RecordingHarness.StartAsync();
        var (queries, harness) = (recording.Queries, recording.Harness);
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(3).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.PublishAsync(TestWorkflows.OneStep("scan", "ScanForMissingPatches", new { instanceIds = ids, pollInterval = "PT30S", maxPollInterval = "PT5M" }));
        var started = await harness.StartAsync("scan");

        // Every burst loses its commit until one has written the history: that burst runs again after the restart.
        var lost = false;
        for (var round = 0; round < 600 && !lost; round++)
        {
            await Task.Delay(20);
            harness.LoseNextCommit();
            try
            {
                await harness.AdvanceAsync(Step);
            }
            catch (IOException)
            {
                await harness.RestartAsync();
                lost = await queries.CountServersAsync(ComplianceFilter.All, nonCompliantOnly: false, CancellationToken.None) > 0;
            }
        }

        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.True(lost, "a burst that recorded the history lost its commit");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var servers = await queries.ServersAsync(ComplianceFilter.All, nonCompliantOnly: false, after: null, limit: null, CancellationToken.None).ToListAsync();
        Assert.Equal(ids, servers.Select(s => s.ServerId).Order(StringComparer.Ordinal));
        foreach (var scanned in output["instances"]!.AsArray())
        {
            var id = scanned!["instanceId"]!.GetValue<string>();
            var history = Assert.Single(await queries.ServerHistoryAsync(id, DateTimeOffset.MinValue, CancellationToken.None));
            Assert.Equal(scanned["missingCount"]!.GetValue<int>(), history.Counts.Missing + history.Counts.Failed);
            Assert.Equal(scanned["patches"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), history.MissingPatchIds.Order(StringComparer.Ordinal));
            Assert.Equal("scan", history.Source);
        }

        Assert.Contains((await harness.JournalAsync(instance.Id)).Select(e => e.Message), m => m == "Compliance history: 0 of 3 server states recorded");
        Assert.Equal(1, await harness.Aws.CallsAsync("SSM.SendCommand"));
    }

    [Fact]
    public async Task ScanForMissingPatches_WithTheResolvedServers_RecordsTheirFactsWithoutResolvingThemAgain()
    {
        await using var recording = await RecordingHarness.StartAsync();
        var (queries, harness) = (recording.Queries, recording.Harness);

        // Hybrid nodes among them: resolving them by id reads their tags, one call each.
        var online = await harness.Aws.OnlineNodesAsync();
        var ids = online.Where(n => n.Hybrid).Take(2).Concat(online.Where(n => !n.Hybrid).Take(3)).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.PublishAsync(TestWorkflows.OneStep("resolve", "ResolveTargets", new { instanceIds = ids }));
        await harness.PublishAsync(TestWorkflows.Chain("scan",
            new TestStep("targets", "ResolveTargets", new { instanceIds = ids }),
            new TestStep("scan", "ScanForMissingPatches", new { instanceIds = ids, servers = TestWorkflows.Js("steps.targets.instances"), pollInterval = "PT30S", maxPollInterval = "PT5M" })));
        string[] resolution = ["SSM.DescribeInstanceInformation", "EC2.DescribeInstances", "SSM.ListTagsForResource"];
        var before = await CallsAsync(harness, resolution);
        await harness.RunWhileSuspendedAsync((await harness.StartAsync("resolve")).Id, Step);
        var oneResolution = Subtract(await CallsAsync(harness, resolution), before);

        var instance = await harness.RunWhileSuspendedAsync((await harness.StartAsync("scan")).Id, Step);

        var scanAndRecord = Subtract(await CallsAsync(harness, resolution), Add(before, oneResolution));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.True(oneResolution["SSM.ListTagsForResource"] > 0, "resolving hybrid nodes by id reads their tags");
        Assert.Equal(oneResolution, scanAndRecord);
        var servers = await queries.ServersAsync(ComplianceFilter.All, nonCompliantOnly: false, after: null, limit: null, CancellationToken.None).ToListAsync();
        Assert.Equal(ids, servers.Select(s => s.ServerId).Order(StringComparer.Ordinal));
        foreach (var server in servers)
        {
            var node = online.Single(n => n.InstanceId == server.ServerId);
            Assert.Equal(node.Platform, server.OperatingSystem, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(node.PatchGroup, server.PatchGroup);
        }
    }

    private static async Task<Dictionary<string, long>> CallsAsync(PatchingHarness harness, string[] operations)
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            calls[operation] = await harness.Aws.CallsAsync(operation);
        }

        return calls;
    }

    private static Dictionary<string, long> Subtract(Dictionary<string, long> after, Dictionary<string, long> before) =>
        after.ToDictionary(c => c.Key, c => c.Value - before[c.Key], StringComparer.Ordinal);

    private static Dictionary<string, long> Add(Dictionary<string, long> one, Dictionary<string, long> other) =>
        one.ToDictionary(c => c.Key, c => c.Value + other[c.Key], StringComparer.Ordinal);

    /// <summary>The simulated fleet's engine writing its compliance history into a SQLite store the test reads back.</summary>
    private sealed class RecordingHarness(SqliteTestDatabase database, ServiceProvider store, PatchingHarness harness) : IAsyncDisposable
    {
        public PatchingHarness Harness => harness;

        public IComplianceQueries Queries { get; } = store.GetRequiredService<IComplianceQueries>();

        public static async Task<RecordingHarness> StartAsync()
        {
            var database = await SqliteTestDatabase.CreateAsync();
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));
            services.AddWorkflowPersistence(database.CreateOptions());
            var store = services.BuildServiceProvider();
            var harness = await PatchingHarness.StartAsync(engineServices: engine =>
                engine.AddSingleton(store.GetRequiredService<IComplianceHistory>()));
            return new RecordingHarness(database, store, harness);
        }

        public async ValueTask DisposeAsync()
        {
            await harness.DisposeAsync();
            await store.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}

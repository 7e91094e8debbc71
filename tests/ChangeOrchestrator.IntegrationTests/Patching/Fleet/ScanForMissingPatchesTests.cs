using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Fleet;

public sealed class ScanForMissingPatchesTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ScanForMissingPatches_OnlineServers_ReportsWhatEachServerMisses()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(4).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.PublishAsync(Workflow(ids));

        var started = await harness.StartAsync("scan");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var command = Assert.Single(await harness.Aws.CommandsAsync());
        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("AWS-RunPatchBaseline", command.DocumentName);
        Assert.Equal("Scan", command.Parameters["Operation"].Single());
        Assert.Equal(ids, command.InstanceIds.Order(StringComparer.Ordinal));
        Assert.Contains($"{instance.Id}:step:0", command.Comment, StringComparison.Ordinal);
        Assert.Equal([command.CommandId], output["commandIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(4, output["scannedCount"]!.GetValue<int>());
        Assert.Empty(output["failures"]!.AsArray());
        var allCves = new SortedSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var scanned in output["instances"]!.AsArray())
        {
            var expected = await harness.Aws.MissingPatchesAsync(scanned!["instanceId"]!.GetValue<string>());
            var patches = scanned["patches"]!.AsArray();
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), patches.Select(p => p!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.All(patches, p => Assert.False(string.IsNullOrEmpty(p!["classification"]?.GetValue<string>())));
            allCves.UnionWith(expected.Values.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            total += expected.Count;
        }

        Assert.True(total > 0, "the seeded fleet misses patches");
        Assert.Equal(total, output["totalMissing"]!.GetValue<int>());
        Assert.Equal(allCves, output["cveIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Done", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(1, await harness.Aws.CallsAsync("SSM.SendCommand"));
    }

    [Fact]
    public async Task ScanForMissingPatches_WhileRunning_PollsWithDoublingDelaysUpToTheMaximum()
    {
        // The simulators share the engine's clock, so the scan (about 90 s of it) spans the same polls however fast or
        // slow this machine runs.
        await using var harness = await PatchingHarness.StartOnSharedClockAsync(PatchingHarness.DefaultStart, fleetSize: 40, seed: 11);
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(2).Select(n => n.InstanceId).ToList();
        await harness.PublishAsync(Workflow(ids, pollInterval: "PT10S", maxPollInterval: "PT1M"));

        var instance = await harness.StartAsync("scan");

        // The clock moves 1 s per round: every poll finds the scan unfinished until the one after it ends.
        for (var round = 0; round < 600 && (await harness.InstanceAsync(instance.Id)).Status == InstanceStatus.Suspended; round++)
        {
            await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        var delays = (await harness.JournalAsync(instance.Id))
            .Where(e => e.Type == JournalEntryType.ActivitySuspended && e.ActivityId == "step")
            .Select(e => e.Data![0]!["dueAt"]!.GetValue<DateTimeOffset>() - e.At)
            .ToList();
        var expected = new[] { 10, 20, 40, 60, 60, 60, 60, 60 }.Select(s => TimeSpan.FromSeconds(s));
        Assert.True(delays.Count >= 3, $"{delays.Count} polls");
        Assert.Equal(expected.Concat(Enumerable.Repeat(TimeSpan.FromMinutes(1), delays.Count)).Take(delays.Count), delays);
    }

    [Fact]
    public async Task ScanForMissingPatches_NodeDiesBeforeTheCommit_RestartFindsTheScanAndSendsNoSecond()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(3).Select(n => n.InstanceId).ToList();
        await harness.PublishAsync(Workflow(ids));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("scan", instanceId: instanceId));
        await harness.RestartAsync();
        await harness.StartAsync("scan", instanceId: instanceId);
        var instance = await harness.RunWhileSuspendedAsync(instanceId, Step);

        var output = await harness.OutputAsync(instanceId, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(1, await harness.Aws.CallsAsync("SSM.SendCommand"));
        Assert.Single(await harness.Aws.CommandsAsync());
        Assert.Equal(3, output["scannedCount"]!.GetValue<int>());
        Assert.Contains((await harness.JournalAsync(instanceId)).Select(e => e.Message), m => m?.StartsWith("Found the scan sent earlier", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ScanForMissingPatches_AgentOffline_ContinuesOnScanFailedNamingTheServer()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Take(3).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.Aws.PostAsync("agents", new { instanceIds = new[] { ids[0] }, pingStatus = "ConnectionLost" });
        await harness.PublishAsync(Workflow(ids));

        var started = await harness.StartAsync("scan");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var failure = Assert.Single(output["failures"]!.AsArray())!;
        Assert.Equal("ScanFailed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(ids[0], failure["instanceId"]!.GetValue<string>());
        Assert.Equal("timedOut", failure["state"]!.GetValue<string>());
        Assert.Equal([ids[1], ids[2]], output["instances"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>()));
    }

    private static string Workflow(IReadOnlyList<string> ids, string pollInterval = "PT30S", string maxPollInterval = "PT5M") =>
        TestWorkflows.OneStep("scan", "ScanForMissingPatches", new { instanceIds = ids, pollInterval, maxPollInterval });
}

using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Server.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.IntegrationTests.Workers;

/// <summary>
/// The cron trigger of <c>workflows/scheduled-scan.json</c>, fired by the worker every node runs: one instance per
/// occurrence however many nodes look, which scans every patch group and keeps a compliance summary per group.
/// </summary>
public sealed class CronTriggerWorkerTests
{
    [Fact]
    public async Task StartDue_NightlyScanOnTwoNodes_StartsOneScanThatSummarisesEveryPatchGroup()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(await File.ReadAllTextAsync(PatchChangeServer.RepositoryFile("workflows", "scheduled-scan.json")));
        var node1 = Worker(harness);
        var node2 = Worker(harness);

        var beforeTheSchedule = await node1.StartDueAsync(CancellationToken.None);
        await harness.AdvanceAsync(TimeSpan.FromHours(18).Add(TimeSpan.FromSeconds(20)));
        var started = await node1.StartDueAsync(CancellationToken.None);
        var again = await node2.StartDueAsync(CancellationToken.None);
        var instance = await harness.RunWhileSuspendedAsync("cron-scheduled-scan-0-20260303T0200Z", TimeSpan.FromMinutes(5));

        var compliance = instance.Variables["compliance"]!;
        var scan = await harness.OutputAsync(instance.Id, "scan");
        var groups = compliance["groups"]!.AsObject();
        Assert.Equal((0, 1, 0), (beforeTheSchedule, started, again));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Subset(groups.Select(g => g.Key).ToHashSet(), new HashSet<string> { "Dev", "Prod", "Test" });
        Assert.All(groups, g => Assert.Contains(g.Key, new[] { "Dev", "Prod", "Test", "(patch group not read)" }));
        Assert.Equal(scan["scannedCount"]!.GetValue<int>(), groups.Sum(g => g.Value!["scanned"]!.GetValue<int>()));
        Assert.Equal(
            scan["instances"]!.AsArray().Count(i => i!["missingCount"]!.GetValue<int>() == 0),
            groups.Sum(g => g.Value!["compliant"]!.GetValue<int>()));
        Assert.All(groups, g => Assert.InRange(g.Value!["compliancePercent"]!.GetValue<int>(), 0, 100));
        Assert.Equal(
            scan["cveIds"]!.AsArray().Select(c => c!.GetValue<string>()).Order(StringComparer.Ordinal),
            groups.SelectMany(g => g.Value!["openCves"]!.AsArray().Select(c => c!.GetValue<string>())).Distinct().Order(StringComparer.Ordinal));
    }

    private static CronTriggerWorker Worker(PatchingHarness harness) => new(
        harness.Services.GetRequiredService<IWorkflowDefinitionStore>(),
        harness.Services.GetRequiredService<IWorkflowInstanceStore>(),
        harness.Runtime,
        Options.Create(new RuntimeWorkerOptions()),
        harness.Time,
        NullLogger<CronTriggerWorker>.Instance);
}

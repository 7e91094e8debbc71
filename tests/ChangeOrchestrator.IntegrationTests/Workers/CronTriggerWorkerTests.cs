using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Server.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    [Fact]
    public async Task StartDue_OccurrenceWhoseInputBreaksARule_IsRefusedOnceAndLoggedWithTheReason()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync("""
            {
              "id": "refused-nightly", "name": "Refused nightly",
              "inputs": [ { "name": "waveSize", "type": "integer", "default": 1, "minimum": 1 } ],
              "rules": [ { "js": "input.waveSize > 5", "message": "waveSize must be more than 5", "fields": ["waveSize"] } ],
              "triggers": [ { "type": "cron", "schedule": "0 2 * * *" } ],
              "activities": [ { "id": "log", "type": "Log", "inputs": { "message": "ran" } } ]
            }
            """);
        var log = new RecordingLogger();
        var worker = Worker(harness, log);

        await harness.AdvanceAsync(TimeSpan.FromHours(18).Add(TimeSpan.FromSeconds(20)));
        var first = await worker.StartDueAsync(CancellationToken.None);
        var second = await worker.StartDueAsync(CancellationToken.None);

        Assert.Equal((0, 0), (first, second));
        Assert.Null(await harness.Services.GetRequiredService<IWorkflowInstanceStore>().FindAsync("cron-refused-nightly-0-20260303T0200Z", CancellationToken.None));
        var refusal = Assert.Single(log.Entries);
        Assert.Equal((LogLevel.Error, 2114), (refusal.Level, refusal.EventId));
        Assert.Contains("input.waveSize: waveSize must be more than 5; given waveSize=1", refusal.Message, StringComparison.Ordinal);
    }

    private static CronTriggerWorker Worker(PatchingHarness harness, ILogger<CronTriggerWorker>? logger = null) => new(
        harness.Services.GetRequiredService<IWorkflowDefinitionStore>(),
        harness.Services.GetRequiredService<IWorkflowInstanceStore>(),
        harness.Runtime,
        Options.Create(new RuntimeWorkerOptions()),
        harness.Time,
        logger ?? NullLogger<CronTriggerWorker>.Instance);

    /// <summary>Keeps what the worker logs, so a test can read the refusal an operator would.</summary>
    private sealed class RecordingLogger : ILogger<CronTriggerWorker>
    {
        public List<(LogLevel Level, int EventId, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}

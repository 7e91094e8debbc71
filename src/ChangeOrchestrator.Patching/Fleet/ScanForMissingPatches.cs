using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// Scans servers for missing patches (see <see cref="PatchScan"/>: sent once even across crashes, polled on timers
/// with backoff, read once each server's report is newer than its scan).
/// </summary>
[Activity("Scans servers for missing patches (sent once, even across crashes), waits by polling with backoff, then reads each server's missing patches with classification, severity and CVEs.", Category = "Fleet")]
[Outcomes("Done", "NothingMissing", "ScanFailed")]
[Suspends]
public sealed class ScanForMissingPatches(IPatchFleet fleet) : PatchingActivity<ScanForMissingPatches.Input, ScanForMissingPatches.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        context.BeginExecution();
        var step = await PatchScan.StepAsync(
            fleet, context, new PatchScanSettings(input.InstanceIds, input.MaxConcurrency, input.MaxErrors, input.PollInterval, input.MaxPollInterval), cancellationToken);
        if (step.Result is not { } scan)
        {
            return step.Suspension!;
        }

        // Each page of servers is recorded, added up and written away before the next is read: a 50,000-server scan
        // is never held whole. A scan of one page keeps its list in the output, which the commit stores like any list.
        var recorder = await ScanHistoryRecorder.OpenAsync(fleet, context, scan, input.Servers, cancellationToken);
        var summary = new ScanSummary();
        var instances = OutputList<InstanceMissingPatches>.For(context, "instances", scan.Reported.Count);
        await foreach (var page in PatchScan.FoundPagesAsync(fleet, scan, cancellationToken))
        {
            await recorder.RecordAsync(page, cancellationToken);
            summary.Add(page);
            await instances.AddAsync(page, cancellationToken);
        }

        recorder.Journal();
        var output = Summarize(scan, summary, instances.Held);
        context.Journal($"{output.TotalMissing} missing patches on {output.InstancesWithMissing} of {output.ScannedCount} servers; {scan.Failures.Count} not scanned");
        var outcome = scan.Failures.Count > 0 ? "ScanFailed" : output.TotalMissing == 0 ? "NothingMissing" : ActivityResult.DoneOutcome;
        var written = new Dictionary<string, JsonNode>();
        await instances.CompleteAsync(written, cancellationToken);
        return Outcome(outcome, output, written);
    }

    private static Output Summarize(PatchScanResult scan, ScanSummary summary, IReadOnlyList<InstanceMissingPatches> held) => new()
    {
        Instances = held,
        ScannedCount = summary.ScannedCount,
        TotalMissing = summary.TotalMissing,
        InstancesWithMissing = summary.MissingIds.Count,
        MissingIds = summary.MissingIds,
        PatchIds = summary.PatchIds,
        CveIds = summary.CveIds,
        CriticalCount = summary.CriticalCount,
        Failures = scan.Failures,
        FailedInstanceIds = [.. scan.Failures.Select(f => f.InstanceId)],
        CommandIds = scan.Command.CommandIds,
    };

    public sealed record Input
    {
        [Description("The servers to scan; their agents must be registered (see CheckAgents): a list of instance ids, read when the scan is sent.")]
        [StreamsResults(DataType.Array)]
        public required JsonNode? InstanceIds { get; init; }

        [Description("The servers as resolved, e.g. the instances output of ResolveTargets: the compliance history takes their environment and platform from it. Without it the scanned servers are looked up again in AWS.")]
        [StreamsResults]
        public JsonNode? Servers { get; init; }

        [Description("How many servers scan at once: a number (10) or a share (50%). All by default: a scan changes nothing, and a server whose agent is away would hold a slot until the command expires.")]
        [Format(ValueFormat.PercentOrCount)]
        public string MaxConcurrency { get; init; } = "100%";

        [Description("How many failed scans stop the rest: a number or a share; 100% scans every server whatever happens.")]
        [Format(ValueFormat.PercentOrCountFromZero)]
        public string MaxErrors { get; init; } = "100%";

        [Description("The first wait before reading progress (ISO 8601); doubles on each poll.")]
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

        [Description("The longest wait between two polls (ISO 8601).")]
        public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(5);
    }

    public sealed record Output
    {
        [Description("Per scanned server: the missing patches with classification, severity and CVE ids.")]
        public required IReadOnlyList<InstanceMissingPatches> Instances { get; init; }

        public required int ScannedCount { get; init; }

        [Description("Missing patches over all servers (a patch missing on two servers counts twice).")]
        public required int TotalMissing { get; init; }

        public required int InstancesWithMissing { get; init; }

        [Description("The servers that miss at least one patch: the ones to patch.")]
        public required IReadOnlyList<string> MissingIds { get; init; }

        [Description("Distinct ids of the missing patches, for the change request.")]
        public required IReadOnlyList<string> PatchIds { get; init; }

        [Description("Distinct CVE ids the missing patches fix, for the change request.")]
        public required IReadOnlyList<string> CveIds { get; init; }

        [Description("Missing patches of Critical severity.")]
        public required int CriticalCount { get; init; }

        [Description("Servers the scan did not reach or that reported nothing, with why.")]
        public required IReadOnlyList<InstanceRunResult> Failures { get; init; }

        public required IReadOnlyList<string> FailedInstanceIds { get; init; }

        public required IReadOnlyList<string> CommandIds { get; init; }
    }
}

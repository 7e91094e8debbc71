using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Verification;

/// <summary>
/// Proves what a change fixed: rescans the servers (see <see cref="PatchScan"/>: sent once even across crashes, polled
/// on timers) and compares, server by server, what is missing now with what was missing before. A patch missing
/// before and still missing on a server is residual there; a patch or CVE counts as remediated only when it is gone
/// from every rescanned server that missed it.
/// </summary>
[Activity("Rescans the servers (sent once, even across crashes) and compares with the scan before the change: remediated and residual patches and CVEs per server; continues on Residual when anything missing before is still missing or a server was not rescanned.", Category = "Fleet")]
[Outcomes("Remediated", "Residual")]
[Suspends]
public sealed class VerifyRemediation(IPatchFleet fleet) : PatchingActivity<VerifyRemediation.Input, VerifyRemediation.Output>
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

        // A page of rescanned servers at a time is recorded and compared, and its residual servers written away when
        // the rescan spans pages, so neither scan is ever held whole; what was missed before is kept compact.
        var recorder = await ScanHistoryRecorder.OpenAsync(fleet, context, scan, input.Servers, cancellationToken);
        var before = await MissedBefore.ReadAsync(context, input.Before, scan.Reported.ToHashSet(StringComparer.Ordinal), cancellationToken);
        var tally = new RemediationTally();
        var residual = OutputList<InstanceMissingPatches>.For(context, "instances", scan.Reported.Count);
        await foreach (var page in PatchScan.FoundPagesAsync(fleet, scan, cancellationToken))
        {
            await recorder.RecordAsync(page, cancellationToken);
            await residual.AddAsync(tally.Add(page, before), cancellationToken);
        }

        recorder.Journal();
        var unverified = Distinct(scan.Failures.Select(f => f.InstanceId));
        var output = new Output
        {
            RemediatedPatchIds = tally.RemediatedPatchIds,
            ResidualPatchIds = tally.ResidualPatchIds,
            RemediatedCves = tally.RemediatedCves,
            ResidualCves = tally.ResidualCves,
            ResidualCount = tally.ResidualCount,
            Instances = residual.Held,
            UnverifiedIds = unverified,
            Failures = scan.Failures,
            RescannedCount = tally.Rescanned,
            CommandIds = scan.Command.CommandIds,
        };
        context.Journal(
            $"Rescan of {tally.Rescanned} servers: {output.RemediatedCves.Count} CVEs and {output.RemediatedPatchIds.Count} patches remediated; " +
            $"{output.ResidualCount} patches still missing on {residual.Count} servers; {unverified.Count} servers not rescanned");
        var outcome = output.ResidualCount == 0 && unverified.Count == 0 ? "Remediated" : "Residual";
        var written = new Dictionary<string, JsonNode>();
        await residual.CompleteAsync(written, cancellationToken);
        return Outcome(outcome, output, written);
    }

    private static List<string> Distinct(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public sealed record Input
    {
        [Description("The servers to rescan, e.g. the succeededIds of PatchInstances: a list of instance ids, read when the scan is sent.")]
        [StreamsResults(DataType.Array)]
        public required JsonNode? InstanceIds { get; init; }

        [Description("The servers as resolved, e.g. the instances output of ResolveTargets: the compliance history takes their environment and platform from it. Without it the scanned servers are looked up again in AWS.")]
        [StreamsResults]
        public JsonNode? Servers { get; init; }

        [Description("What each server missed before the change: the instances output of ScanForMissingPatches (a list of { instanceId, missingCount, patches }), read a page at a time once the rescan is done.")]
        [StreamsResults]
        public required JsonNode? Before { get; init; }

        [Description("How many servers scan at once: a number (10) or a share (50%); all by default, as a scan changes nothing.")]
        public string MaxConcurrency { get; init; } = "100%";

        [Description("How many failed scans stop the rest: a number or a share; 100% scans every server whatever happens.")]
        public string MaxErrors { get; init; } = "100%";

        [Description("The first wait before reading progress (ISO 8601); doubles on each poll.")]
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

        [Description("The longest wait between two polls (ISO 8601).")]
        public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(5);
    }

    public sealed record Output
    {
        [Description("CVEs fixed by a patch that was missing before and is gone from every rescanned server that missed it.")]
        public required IReadOnlyList<string> RemediatedCves { get; init; }

        [Description("CVEs fixed by a patch that is still missing on a server that missed it before.")]
        public required IReadOnlyList<string> ResidualCves { get; init; }

        public required IReadOnlyList<string> RemediatedPatchIds { get; init; }

        public required IReadOnlyList<string> ResidualPatchIds { get; init; }

        [Description("Patches missing before and still missing, over all servers (a patch still missing on two servers counts twice).")]
        public required int ResidualCount { get; init; }

        [Description("Per server with residual patches: those patches as the rescan reports them, with severity and CVE ids.")]
        public required IReadOnlyList<InstanceMissingPatches> Instances { get; init; }

        [Description("Servers the rescan did not reach or that reported nothing: nothing about them is proven.")]
        public required IReadOnlyList<string> UnverifiedIds { get; init; }

        [Description("Why each unverified server was not rescanned.")]
        public required IReadOnlyList<InstanceRunResult> Failures { get; init; }

        public required int RescannedCount { get; init; }

        public required IReadOnlyList<string> CommandIds { get; init; }
    }
}

using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Compliance;
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

        var recorder = await ScanHistoryRecorder.OpenAsync(fleet, context, scan, input.Servers, cancellationToken);
        var found = new List<InstanceMissingPatches>(scan.Reported.Count);
        await foreach (var page in PatchScan.FoundPagesAsync(fleet, scan, cancellationToken))
        {
            await recorder.RecordAsync(page, cancellationToken);
            found.AddRange(page);
        }

        recorder.Journal();
        return Compare(context, scan, found, await MissedBeforeAsync(context, scan, cancellationToken));
    }

    /// <summary>
    /// What the rescanned servers missed before, read a page at a time from the scan's stored list: only the servers
    /// rescanned are kept, as typed patches, so neither the whole list nor a JSON tree of it is held.
    /// </summary>
    private static async Task<Dictionary<string, List<MissingPatch>>> MissedBeforeAsync(
        ActivityContext<Input> context, PatchScanResult scan, CancellationToken cancellationToken)
    {
        var rescanned = scan.Reported.ToHashSet(StringComparer.Ordinal);
        var before = new Dictionary<string, List<MissingPatch>>(rescanned.Count, StringComparer.Ordinal);
        await foreach (var server in context.ReadListAsync<InstanceMissingPatches>(context.Input.Before, "before", cancellationToken))
        {
            if (!rescanned.Contains(server.InstanceId))
            {
                continue;
            }

            if (!before.TryGetValue(server.InstanceId, out var patches))
            {
                before[server.InstanceId] = patches = [];
            }

            patches.AddRange(server.Patches);
        }

        return before;
    }

    private static ActivityResult Compare(
        ActivityContext<Input> context, PatchScanResult scan, List<InstanceMissingPatches> found, Dictionary<string, List<MissingPatch>> before)
    {
        var residual = new List<InstanceMissingPatches>();
        var remediatedPatches = new List<MissingPatch>();
        foreach (var after in found)
        {
            var stillMissing = after.Patches.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var missedBefore = before.GetValueOrDefault(after.InstanceId) ?? [];
            var residualHere = missedBefore
                .Where(p => stillMissing.ContainsKey(p.Id))
                .Select(p => stillMissing[p.Id])
                .DistinctBy(p => p.Id, StringComparer.Ordinal)
                .OrderBy(p => p.Id, StringComparer.Ordinal)
                .ToList();
            remediatedPatches.AddRange(missedBefore.Where(p => !stillMissing.ContainsKey(p.Id)));
            if (residualHere.Count > 0)
            {
                residual.Add(new InstanceMissingPatches { InstanceId = after.InstanceId, MissingCount = residualHere.Count, Patches = residualHere });
            }
        }

        var residualPatches = residual.SelectMany(i => i.Patches).ToList();
        var residualPatchIds = Distinct(residualPatches.Select(p => p.Id));
        var residualCves = Distinct(residualPatches.SelectMany(p => p.CveIds));
        var unverified = Distinct(scan.Failures.Select(f => f.InstanceId));
        var output = new Output
        {
            RemediatedPatchIds = Distinct(remediatedPatches.Select(p => p.Id)).Except(residualPatchIds, StringComparer.Ordinal).ToList(),
            ResidualPatchIds = residualPatchIds,
            RemediatedCves = Distinct(remediatedPatches.SelectMany(p => p.CveIds)).Except(residualCves, StringComparer.Ordinal).ToList(),
            ResidualCves = residualCves,
            ResidualCount = residualPatches.Count,
            Instances = residual,
            UnverifiedIds = unverified,
            Failures = scan.Failures,
            RescannedCount = found.Count,
            CommandIds = scan.Command.CommandIds,
        };
        context.Journal(
            $"Rescan of {found.Count} servers: {output.RemediatedCves.Count} CVEs and {output.RemediatedPatchIds.Count} patches remediated; " +
            $"{output.ResidualCount} patches still missing on {residual.Count} servers; {unverified.Count} servers not rescanned");
        return Outcome(output.ResidualCount == 0 && unverified.Count == 0 ? "Remediated" : "Residual", output);
    }

    private static List<string> Distinct(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public sealed record Input
    {
        [Description("The servers to rescan, e.g. the succeededIds of PatchInstances.")]
        public required IReadOnlyList<string> InstanceIds { get; init; }

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

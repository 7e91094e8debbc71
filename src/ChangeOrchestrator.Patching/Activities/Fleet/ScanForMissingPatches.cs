using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Activities.Fleet;

/// <summary>
/// Scans servers for missing patches. The scan carries a token derived from the activity's idempotency key, so a
/// re-run after a crash finds the scan it sent; the wait is a series of poll timers with backoff, the command kept in
/// the activity's state between them. A server's patch report lands a little after its scan ends, so the missing
/// patches are read once each server's report is newer than its scan's start.
/// </summary>
[Activity("Scans servers for missing patches (sent once, even across crashes), waits by polling with backoff, then reads each server's missing patches with classification, severity and CVEs.", Category = "Fleet")]
[Outcomes("Done", "NothingMissing", "ScanFailed")]
[Suspends]
public sealed class ScanForMissingPatches(IPatchFleet fleet) : Activity<ScanForMissingPatches.Input, ScanForMissingPatches.Output>
{
    private const string CommandKey = "command";

    private const string ReportWaitsKey = "reportWaits";

    /// <summary>Polls, after the scan ended, that a server's report may take to arrive before the server counts as failed.</summary>
    private const int MaxReportWaits = 10;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        context.BeginExecution();
        var command = context.Read<PatchCommandReference>(CommandKey);
        if (command is null)
        {
            await StartAsync(context, cancellationToken);
            return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
        }

        var status = await fleet.GetPatchOperationStatusAsync(command, cancellationToken);
        if (!status.IsDone)
        {
            return PollSchedule.Next(context, input.PollInterval, input.MaxPollInterval);
        }

        var scanned = status.Instances.Where(i => i.State == CommandState.Success).ToList();
        var reports = (await fleet.GetPatchStatesAsync([.. scanned.Select(i => i.InstanceId)], cancellationToken)).ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
        var reported = scanned.Where(i => IsReportedAfter(reports.GetValueOrDefault(i.InstanceId), i)).ToList();
        var reportedIds = reported.Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        var waits = context.State[ReportWaitsKey]?.GetValue<int>() ?? 0;
        if (reported.Count < scanned.Count && waits < MaxReportWaits)
        {
            context.State[ReportWaitsKey] = waits + 1;
            return PollSchedule.Next(context, input.PollInterval, input.PollInterval);
        }

        var found = new List<InstanceMissingPatches>();
        foreach (var instance in reported.OrderBy(i => i.InstanceId, StringComparer.Ordinal))
        {
            var patches = await fleet.GetMissingPatchesAsync(instance.InstanceId, cancellationToken);
            found.Add(new InstanceMissingPatches { InstanceId = instance.InstanceId, MissingCount = patches.Count, Patches = patches });
        }

        var failures = status.Instances
            .Where(i => !reportedIds.Contains(i.InstanceId))
            .Select(i => i.State == CommandState.Success ? InstanceRunResult.From(i) with { StateDetails = "NoComplianceReport" } : InstanceRunResult.From(i))
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
            .ToList();
        return Finish(context, command, found, failures);
    }

    private async Task StartAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var ids = input.InstanceIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new ActivityException($"ScanForMissingPatches '{context.ActivityId}' needs at least one instance id.", isTransient: false);
        }

        var command = await fleet.StartPatchOperationAsync(new PatchCommandRequest
        {
            Operation = PatchOperation.Scan,
            InstanceIds = ids,
            MaxConcurrency = input.MaxConcurrency,
            MaxErrors = input.MaxErrors,
            IdempotencyToken = IdempotencyTokens.From(context.IdempotencyKey),
        }, cancellationToken);
        context.Write(CommandKey, command);
        context.Journal(
            $"{(command.FoundExisting ? "Found the scan sent earlier" : "Sent a scan")} of {command.InstanceIds.Count} servers: {string.Join(", ", command.CommandIds)}");
    }

    private static bool IsReportedAfter(InstancePatchState? report, InstanceCommandResult scan) =>
        report is not null && (scan.StartedAt is not { } started || report.LastOperationEndedAt >= started);

    private static ActivityResult Finish(
        ActivityContext context, PatchCommandReference command, List<InstanceMissingPatches> found, List<InstanceRunResult> failures)
    {
        var patches = found.SelectMany(i => i.Patches).ToList();
        var output = new Output
        {
            Instances = found,
            ScannedCount = found.Count,
            TotalMissing = patches.Count,
            InstancesWithMissing = found.Count(i => i.MissingCount > 0),
            PatchIds = [.. patches.Select(p => p.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            CveIds = [.. patches.SelectMany(p => p.CveIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            CriticalCount = patches.Count(p => string.Equals(p.Severity, "Critical", StringComparison.OrdinalIgnoreCase)),
            Failures = failures,
            FailedInstanceIds = [.. failures.Select(f => f.InstanceId)],
            CommandIds = command.CommandIds,
        };
        context.Journal($"{output.TotalMissing} missing patches on {output.InstancesWithMissing} of {output.ScannedCount} servers; {failures.Count} not scanned");
        var outcome = failures.Count > 0 ? "ScanFailed" : output.TotalMissing == 0 ? "NothingMissing" : ActivityResult.DoneOutcome;
        return Outcome(outcome, output);
    }

    public sealed record Input
    {
        [Description("The servers to scan; their agents must be registered (see CheckAgents).")]
        public required IReadOnlyList<string> InstanceIds { get; init; }

        [Description("How many servers scan at once: a number (10) or a share (50%). All by default: a scan changes nothing, and a server whose agent is away would hold a slot until the command expires.")]
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
        [Description("Per scanned server: the missing patches with classification, severity and CVE ids.")]
        public required IReadOnlyList<InstanceMissingPatches> Instances { get; init; }

        public required int ScannedCount { get; init; }

        [Description("Missing patches over all servers (a patch missing on two servers counts twice).")]
        public required int TotalMissing { get; init; }

        public required int InstancesWithMissing { get; init; }

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

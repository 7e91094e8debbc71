using System.Runtime.CompilerServices;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// A scan for missing patches driven one execution at a time, shared by the activities that scan. The scan carries a
/// token derived from the activity's idempotency key, so a re-run after a crash finds the scan it sent; the wait is a
/// series of poll timers with backoff, the command kept in the activity's state between them. A server's patch report
/// lands a little after its scan ends, so the missing patches are read once each server's report is newer than its
/// scan's start.
/// </summary>
internal static class PatchScan
{
    /// <summary>
    /// Servers whose missing patches are read, recorded and written away at a time: a page holds a thousand servers'
    /// patches, where a 50,000-server scan read whole held hundreds of megabytes until its step committed.
    /// </summary>
    public const int PageSize = OutputList<InstanceMissingPatches>.PageSize;

    private const string CommandKey = "command";

    private const string ReportWaitsKey = "reportWaits";

    /// <summary>Polls, after the scan ended, that a server's report may take to arrive before the server counts as failed.</summary>
    private const int MaxReportWaits = 10;

    /// <summary>
    /// Sends the scan on the first execution and polls it on the next ones: the suspension to return while it runs,
    /// then what each server misses. The caller has called <c>BeginExecution</c>.
    /// </summary>
    public static async Task<PatchScanStep> StepAsync(IPatchFleet fleet, ActivityContext context, PatchScanSettings settings, CancellationToken cancellationToken)
    {
        var command = context.Read<PatchCommandReference>(CommandKey);
        if (command is null)
        {
            await StartAsync(fleet, context, settings, cancellationToken);
            return PatchScanStep.Wait(PollSchedule.Next(context, settings.PollInterval, settings.MaxPollInterval));
        }

        var status = await fleet.GetPatchOperationStatusAsync(command, cancellationToken);
        if (!status.IsDone)
        {
            return PatchScanStep.Wait(PollSchedule.Next(context, settings.PollInterval, settings.MaxPollInterval));
        }

        var scanned = status.Instances.Where(i => i.State == CommandState.Success).ToList();
        var reports = (await fleet.GetPatchStatesAsync([.. scanned.Select(i => i.InstanceId)], cancellationToken)).ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
        var reported = scanned.Where(i => IsReportedAfter(reports.GetValueOrDefault(i.InstanceId), i)).ToList();
        var reportedIds = reported.Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        var waits = context.State[ReportWaitsKey]?.GetValue<int>() ?? 0;
        if (reported.Count < scanned.Count && waits < MaxReportWaits)
        {
            context.State[ReportWaitsKey] = waits + 1;
            return PatchScanStep.Wait(PollSchedule.Next(context, settings.PollInterval, settings.PollInterval));
        }

        var ordered = reported.Select(i => i.InstanceId).Order(StringComparer.Ordinal).ToList();
        var failures = status.Instances
            .Where(i => !reportedIds.Contains(i.InstanceId))
            .Select(i => i.State == CommandState.Success ? InstanceRunResult.From(i) with { StateDetails = "NoComplianceReport" } : InstanceRunResult.From(i))
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
            .ToList();
        return PatchScanStep.Finished(new PatchScanResult(command, ordered, failures, reports.Where(r => reportedIds.Contains(r.Key)).ToDictionary(StringComparer.Ordinal)));
    }

    /// <summary>
    /// What each reported server misses, <see cref="PageSize"/> servers at a time in id order: a caller that writes each
    /// page away before reading the next never holds more than two pages of a fleet's missing patches. The next page
    /// is read while the caller records and writes the one it was given, so the reads (one call per server, paced by
    /// the operation's rate) keep going while the database writes: read one after the other, a 10,000-server scan
    /// spent about half its time with no call in flight.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<InstanceMissingPatches>> FoundPagesAsync(
        IPatchFleet fleet, PatchScanResult scan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = scan.Reported.Chunk(PageSize).ToList();
        if (pages.Count == 0)
        {
            yield break;
        }

        // A caller that stops early (its write failed, or the burst ended) stops the read ahead too, and waits for it,
        // so no call of this step is still out once it returned.
        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = fleet.GetMissingPatchesAsync(pages[0], ahead.Token);
        var reading = true;
        try
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var missing = await next;
                reading = i + 1 < pages.Count;
                if (reading)
                {
                    next = fleet.GetMissingPatchesAsync(pages[i + 1], ahead.Token);
                }

                yield return [.. pages[i].Select(id => new InstanceMissingPatches { InstanceId = id, MissingCount = missing[id].Count, Patches = missing[id] })];
            }
        }
        finally
        {
            if (reading)
            {
                await ahead.CancelAsync();

                // Its failure, a cancellation most likely, is the abandoned page's: read, so it is not reported as unobserved.
                await next.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private static async Task StartAsync(IPatchFleet fleet, ActivityContext context, PatchScanSettings settings, CancellationToken cancellationToken)
    {
        var ids = await InstanceIdInput.ReadAsync(context, settings.InstanceIds, cancellationToken);
        var command = await fleet.StartPatchOperationAsync(new PatchCommandRequest
        {
            Operation = PatchOperation.Scan,
            InstanceIds = ids,
            MaxConcurrency = settings.MaxConcurrency,
            MaxErrors = settings.MaxErrors,
            IdempotencyToken = IdempotencyTokens.From(context.IdempotencyKey),
        }, cancellationToken);
        context.Write(CommandKey, command);
        context.Journal(
            $"{(command.FoundExisting ? "Found the scan sent earlier" : "Sent a scan")} of {command.InstanceIds.Count} servers: {ServerList.Brief(command.CommandIds)}");
    }

    private static bool IsReportedAfter(InstancePatchState? report, InstanceCommandResult scan) =>
        report is not null && (scan.StartedAt is not { } started || report.LastOperationEndedAt >= started);
}

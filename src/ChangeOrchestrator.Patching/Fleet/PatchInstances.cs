using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// Installs patches on servers. The install carries a token derived from the activity's idempotency key, so a
/// re-run after a crash finds the run it started instead of patching twice; the wait is a series of poll timers with
/// backoff, the command kept in the activity's state between them.
/// </summary>
[Activity("Installs the approved missing patches (sent once, even across crashes) with a concurrency, an error limit and a reboot option, polls until every server is done, and reports per server: Succeeded, PartiallyFailed within the failure threshold, or Failed.", Category = "Fleet")]
[Outcomes("Succeeded", "PartiallyFailed", "Failed")]
[Suspends]
public sealed class PatchInstances(IPatchFleet fleet) : PatchingActivity<PatchInstances.Input, PatchInstances.Output>
{
    private const string CommandKey = "command";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
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

        var results = status.Instances.Select(InstanceRunResult.From).OrderBy(r => r.InstanceId, StringComparer.Ordinal).ToList();
        var succeeded = results.Where(r => r.State == CommandState.Success).Select(r => r.InstanceId).ToList();
        var failed = results.Where(r => r.State != CommandState.Success).Select(r => r.InstanceId).ToList();
        var allowed = FailureThreshold.Allowed(input.FailureThreshold, results.Count, context);
        var outcome = failed.Count == 0 ? "Succeeded" : succeeded.Count > 0 && failed.Count <= allowed ? "PartiallyFailed" : "Failed";
        context.Journal($"Patched {succeeded.Count} of {results.Count} servers; {failed.Count} failed (threshold {allowed})");
        return Outcome(outcome, new Output
        {
            Instances = results,
            SucceededIds = succeeded,
            FailedIds = failed,
            SucceededCount = succeeded.Count,
            FailedCount = failed.Count,
            TargetCount = results.Count,
            CommandIds = command.CommandIds,
        });
    }

    private async Task StartAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var ids = await InstanceIdInput.ReadAsync(context, input.InstanceIds, cancellationToken);

        // A threshold that cannot be read is refused before anything is installed, not after.
        FailureThreshold.Allowed(input.FailureThreshold, ids.Count, context);
        var command = await fleet.StartPatchOperationAsync(new PatchCommandRequest
        {
            Operation = PatchOperation.Install,
            Reboot = input.Reboot,
            InstanceIds = ids,
            MaxConcurrency = input.MaxConcurrency,
            MaxErrors = input.MaxErrors,
            IdempotencyToken = IdempotencyTokens.From(context.IdempotencyKey),
        }, cancellationToken);
        context.Write(CommandKey, command);
        context.Journal(
            $"{(command.FoundExisting ? "Found the install started earlier" : "Started the install")} on {command.InstanceIds.Count} servers: {ServerList.Brief(command.CommandIds)}");
    }

    public sealed record Input
    {
        [Description("The servers to patch, e.g. the onlineIds of CheckAgents or one wave of them: a list of instance ids, read when the install starts.")]
        [StreamsResults(DataType.Array)]
        public required JsonNode? InstanceIds { get; init; }

        [Description("rebootIfNeeded (the default) or noReboot, which leaves installed patches pending a reboot.")]
        public RebootOption Reboot { get; init; } = RebootOption.RebootIfNeeded;

        [Description("How many servers patch at once: a number (10) or a share (10%).")]
        [Format(ValueFormat.PercentOrCount)]
        public string MaxConcurrency { get; init; } = "10%";

        [Description("How many failures stop the servers not yet started: a number (0) or a share (5%).")]
        [Format(ValueFormat.PercentOrCountFromZero)]
        public string MaxErrors { get; init; } = "0";

        [Description("How many servers may fail while the run still continues on PartiallyFailed: a number (2) or a share (10%); more go to Failed.")]
        [Format(ValueFormat.PercentOrCountFromZero)]
        public string FailureThreshold { get; init; } = "0";

        [Description("The first wait before reading progress (ISO 8601); doubles on each poll.")]
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

        [Description("The longest wait between two polls (ISO 8601).")]
        public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(10);
    }

    public sealed record Output
    {
        [Description("Per server: state, details, exit code, start and end, and the output of servers that did not succeed.")]
        public required IReadOnlyList<InstanceRunResult> Instances { get; init; }

        public required IReadOnlyList<string> SucceededIds { get; init; }

        [Description("Servers that failed, timed out or were cancelled (stopped by the error limit).")]
        public required IReadOnlyList<string> FailedIds { get; init; }

        public required int SucceededCount { get; init; }

        public required int FailedCount { get; init; }

        public required int TargetCount { get; init; }

        public required IReadOnlyList<string> CommandIds { get; init; }
    }
}

using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Progress of a patch operation, or of any Run Command, from its invocations alone (one per server, 50 per page, so
/// one call per command): the operation is done when every server's invocation has ended.
/// </summary>
internal sealed class PatchCommandMonitor(AwsClients clients, AwsCalls calls)
{
    public async Task<PatchCommandStatus> GetAsync(PatchCommandReference reference, CancellationToken cancellationToken)
    {
        var instances = await ReadAsync(reference.CommandIds, reference.InstanceIds, keepSuccessOutput: false, cancellationToken);
        var done = instances.TrueForAll(i => i.IsDone);
        return new PatchCommandStatus
        {
            IdempotencyToken = reference.IdempotencyToken,
            State = done ? Outcome(instances) : instances.Exists(i => i.State != CommandState.Pending) ? CommandState.InProgress : CommandState.Pending,
            IsDone = done,
            Instances = instances,
        };
    }

    /// <summary>
    /// Each server's invocation of the commands, in the order of <paramref name="instanceIds"/>. The output of a
    /// successful run is kept only when asked: a patch run's says nothing the state does not, a check's is its answer.
    /// </summary>
    public async Task<List<InstanceCommandResult>> ReadAsync(
        IReadOnlyList<string> commandIds, IReadOnlyList<string> instanceIds, bool keepSuccessOutput, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, InstanceCommandResult>(StringComparer.Ordinal);
        foreach (var commandId in commandIds)
        {
            var request = new ListCommandInvocationsRequest { CommandId = commandId, Details = true, MaxResults = 50 };
            await calls.RunAsync("SSM ListCommandInvocations", async token =>
            {
                await foreach (var invocation in clients.Ssm.Paginators.ListCommandInvocations(request).CommandInvocations.WithCancellation(token))
                {
                    results[invocation.InstanceId] = Map(invocation, keepSuccessOutput);
                }

                return true;
            }, cancellationToken);
        }

        // Before the service has dispatched a command its invocations do not exist yet.
        return [.. instanceIds.Select(id => results.GetValueOrDefault(id) ?? new InstanceCommandResult { InstanceId = id, State = CommandState.Pending, ResponseCode = -1 })];
    }

    private static CommandState Outcome(List<InstanceCommandResult> instances) =>
        instances.Exists(i => i.State == CommandState.Failed) ? CommandState.Failed
        : instances.Exists(i => i.State == CommandState.TimedOut) ? CommandState.TimedOut
        : instances.Exists(i => i.State == CommandState.Cancelled) ? CommandState.Cancelled
        : CommandState.Success;

    private static InstanceCommandResult Map(CommandInvocation invocation, bool keepSuccessOutput)
    {
        // AWS-RunPatchBaseline has one step per platform; the one that ran is the one with a start time.
        var plugin = invocation.CommandPlugins?.FirstOrDefault(p => p.ResponseStartDateTime is not null) ?? invocation.CommandPlugins?.FirstOrDefault();
        var state = State(invocation.Status);
        return new InstanceCommandResult
        {
            InstanceId = invocation.InstanceId,
            State = state,
            StateDetails = invocation.StatusDetails,
            ResponseCode = plugin?.ResponseCode,
            StartedAt = FleetMapping.Utc(plugin?.ResponseStartDateTime),
            EndedAt = FleetMapping.Utc(plugin?.ResponseFinishDateTime),
            Output = state == CommandState.Success && !keepSuccessOutput ? null : plugin?.Output,
        };
    }

    private static CommandState State(CommandInvocationStatus? status) =>
        status == CommandInvocationStatus.Success ? CommandState.Success
        : status == CommandInvocationStatus.Failed ? CommandState.Failed
        : status == CommandInvocationStatus.TimedOut ? CommandState.TimedOut
        : status == CommandInvocationStatus.Cancelled ? CommandState.Cancelled
        : status == CommandInvocationStatus.Cancelling ? CommandState.Cancelling
        : status == CommandInvocationStatus.InProgress ? CommandState.InProgress
        : status == CommandInvocationStatus.Delayed ? CommandState.Delayed
        : CommandState.Pending;
}

using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Progress of a patch operation, or of any Run Command, from its invocations alone (one per server, 50 per page, so
/// one call per command): the operation is done when every server's invocation has ended. ListCommandInvocations
/// is read per command, never per server.
/// </summary>
internal sealed class PatchCommandMonitor(AwsClients clients, AwsCalls calls, EndedCommandCache ended, IOptions<AwsOptions> options)
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
    /// Commands are read in the order they were sent, the first alone and then a few at a time, and a poll stops at
    /// the first group with a command still running, since the operation cannot be done then; the commands already
    /// ended come from <see cref="EndedCommandCache"/>. So each command costs about one read after it ended, plus one
    /// read per poll while it is the first still running. The servers of the commands not read show as Pending.
    /// </summary>
    public async Task<List<InstanceCommandResult>> ReadAsync(
        IReadOnlyList<string> commandIds, IReadOnlyList<string> instanceIds, bool keepSuccessOutput, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, InstanceCommandResult>(StringComparer.Ordinal);
        var unread = new List<string>();
        foreach (var commandId in commandIds)
        {
            if (ended.TryGet(commandId, keepSuccessOutput, out var known))
            {
                Add(results, known);
            }
            else
            {
                unread.Add(commandId);
            }
        }

        // The first command alone, then the rest in groups: a poll of an operation still running costs one call.
        var concurrency = options.Value.MaxConcurrentCalls;
        var groups = unread.Take(1).Select(id => new[] { id }).Concat(unread.Skip(1).Chunk(concurrency));
        foreach (var group in groups)
        {
            var read = await FanOut.MapAsync(group, concurrency, async (commandId, token) => await ReadCommandAsync(commandId, keepSuccessOutput, token), cancellationToken);
            var running = false;
            for (var i = 0; i < group.Length; i++)
            {
                Add(results, read[i]);
                if (read[i].Count > 0 && read[i].TrueForAll(r => r.IsDone))
                {
                    ended.Add(group[i], keepSuccessOutput, read[i]);
                }
                else
                {
                    running = true;
                }
            }

            if (running)
            {
                break;
            }
        }

        // Before the service has dispatched a command its invocations do not exist yet.
        return [.. instanceIds.Select(id => results.GetValueOrDefault(id) ?? new InstanceCommandResult { InstanceId = id, State = CommandState.Pending, ResponseCode = -1 })];
    }

    private async Task<List<InstanceCommandResult>> ReadCommandAsync(string commandId, bool keepSuccessOutput, CancellationToken cancellationToken)
    {
        var request = new ListCommandInvocationsRequest { CommandId = commandId, Details = true, MaxResults = 50 };
        return await calls.RunAsync("SSM ListCommandInvocations", async token =>
        {
            var invocations = new List<InstanceCommandResult>();
            await foreach (var invocation in clients.Ssm.Paginators.ListCommandInvocations(request).CommandInvocations.WithCancellation(token))
            {
                invocations.Add(Map(invocation, keepSuccessOutput));
            }

            return invocations;
        }, cancellationToken);
    }

    private static void Add(Dictionary<string, InstanceCommandResult> results, List<InstanceCommandResult> invocations)
    {
        foreach (var invocation in invocations)
        {
            results[invocation.InstanceId] = invocation;
        }
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

using ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>
/// Run Command's dispatcher: resolves targets after the dispatch delay, starts at most MaxConcurrency
/// invocations at a time (a new one as each ends), delays delivery to unreachable agents until they return or
/// the command expires, and stops dispatching once errors exceed MaxErrors.
/// </summary>
internal sealed class RunCommandScheduler(AwsWorld world)
{
    private readonly List<RunCommand> _commands = [];
    private readonly Dictionary<string, RunCommand> _byId = new(StringComparer.Ordinal);

    // Per node, the positions in _commands of the commands that name it or reached it: ListCommands and
    // ListCommandInvocations by InstanceId (ListCommands is a lookup an engine makes before each command it sends) read
    // these, not every command with its invocations.
    private readonly Dictionary<string, SortedSet<int>> _byNode = new(StringComparer.Ordinal);

    /// <summary>Newest first, as ListCommands returns them.</summary>
    public IEnumerable<RunCommand> NewestFirst => Enumerable.Reverse(_commands);

    /// <summary>Newest first, the commands that name the node or were sent to it through their targets.</summary>
    public IEnumerable<RunCommand> NewestFirstFor(string instanceId) =>
        _byNode.TryGetValue(instanceId, out var positions) ? positions.Reverse().Select(i => _commands[i]) : [];

    public RunCommand? Find(string commandId) => _byId.GetValueOrDefault(commandId);

    public void Submit(RunCommand command)
    {
        var position = _commands.Count;
        _commands.Add(command);
        _byId[command.CommandId] = command;
        foreach (var instanceId in command.RequestedInstanceIds)
        {
            Index(instanceId, position);
        }

        world.Timeline.Schedule(world.After(command.RequestedAt, world.Durations.CommandDispatch), at => Resolve(command, position, at));
    }

    public void Cancel(RunCommand command, IReadOnlyCollection<string>? instanceIds, DateTimeOffset now)
    {
        if (instanceIds is null)
        {
            command.CancelRequested = true;
        }
        else if (!command.TargetsResolved)
        {
            command.EarlyCancellations.UnionWith(instanceIds);
        }

        foreach (var invocation in command.Invocations)
        {
            if (invocation.IsTerminal || invocation.IsCancelling || (instanceIds is not null && !instanceIds.Contains(invocation.Node.InstanceId)))
            {
                continue;
            }

            invocation.RequestCancel();
            world.Timeline.Schedule(world.After(now, world.Durations.Cancel),
                at => Finish(invocation, at, InvocationStatus.Cancelled, InvocationStatus.Cancelled, invocation.ResponseCode));
        }
    }

    /// <summary>Ends an invocation, frees its slot, enforces MaxErrors and starts the next ones.</summary>
    public void Finish(CommandInvocation invocation, DateTimeOffset at, string status, string details, int responseCode, string output = "", string error = "")
    {
        if (invocation.IsTerminal)
        {
            return;
        }

        invocation.End(at, status, details, responseCode, output, error);
        var command = invocation.Command;
        if (invocation.HoldsSlot)
        {
            invocation.HoldsSlot = false;
            command.InFlight--;
        }

        if (!command.Stopped && command.ErrorsExceeded)
        {
            command.Stopped = true;
            for (var i = command.NextToStart; i < command.Invocations.Count; i++)
            {
                var waiting = command.Invocations[i];
                if (!waiting.IsTerminal)
                {
                    waiting.End(at, InvocationStatus.Cancelled, "Terminated", -1);
                }
            }
        }

        Fill(command, at);
        ReportCompletion(command, at);
    }

    private void Index(string instanceId, int position)
    {
        if (!_byNode.TryGetValue(instanceId, out var positions))
        {
            _byNode[instanceId] = positions = [];
        }

        positions.Add(position);
    }

    // position: the command's place in _commands, for the index of the nodes its targets reach.
    private void Resolve(RunCommand command, int position, DateTimeOffset at)
    {
        var runner = SsmDocuments.Find(command.DocumentName)!;
        foreach (var node in CommandTargetResolver.Resolve(world, command))
        {
            command.Invocations.Add(new CommandInvocation(command, node, runner.PluginNameFor(node)));
            Index(node.InstanceId, position);
        }

        command.TargetsResolved = true;
        command.ConcurrencyLimit = ExecutionLimit.Resolve(command.MaxConcurrency, command.Invocations.Count, minimum: 1);
        command.ErrorLimit = ExecutionLimit.Resolve(command.MaxErrors, command.Invocations.Count, minimum: 0);
        foreach (var invocation in command.Invocations)
        {
            if (command.CancelRequested || command.EarlyCancellations.Contains(invocation.Node.InstanceId))
            {
                invocation.End(at, InvocationStatus.Cancelled, InvocationStatus.Cancelled, -1);
            }
        }

        Fill(command, at);
        ReportCompletion(command, at);
    }

    private static void ReportCompletion(RunCommand command, DateTimeOffset at)
    {
        if (!command.CompletionReported && command.CompletedCount == command.Invocations.Count)
        {
            command.CompletionReported = true;
            command.Completed?.Invoke(at);
        }
    }

    private void Fill(RunCommand command, DateTimeOffset at)
    {
        while (!command.CancelRequested && !command.Stopped && command.InFlight < command.ConcurrencyLimit
            && command.NextToStart < command.Invocations.Count)
        {
            var invocation = command.Invocations[command.NextToStart++];
            if (invocation.IsTerminal || invocation.IsCancelling)
            {
                continue;
            }

            invocation.HoldsSlot = true;
            command.InFlight++;
            Deliver(invocation, at);
        }
    }

    private void Deliver(CommandInvocation invocation, DateTimeOffset at)
    {
        var command = invocation.Command;
        var node = invocation.Node;
        var generation = invocation.Generation;
        if (node.IsTerminated)
        {
            Finish(invocation, at, InvocationStatus.Failed, "Undeliverable", -1);
            return;
        }

        if (at >= command.ExpiresAfter)
        {
            Finish(invocation, at, InvocationStatus.TimedOut, "DeliveryTimedOut", -1);
            return;
        }

        if (node.IsOnline(at))
        {
            world.Timeline.Schedule(world.After(at, world.Durations.InvocationStart), start => Begin(invocation, generation, start));
            return;
        }

        invocation.Delay();
        var back = node.Ec2 is { State: not "running" } ? null : node.Agent.BackOnlineAt(at);
        world.Timeline.Schedule(back is { } b && b < command.ExpiresAfter ? b : command.ExpiresAfter, retry =>
        {
            if (invocation.Generation == generation)
            {
                Deliver(invocation, retry);
            }
        });
    }

    private void Begin(CommandInvocation invocation, int generation, DateTimeOffset at)
    {
        if (invocation.Generation != generation || invocation.IsTerminal)
        {
            return;
        }

        if (!invocation.Node.IsOnline(at))
        {
            Deliver(invocation, at);
            return;
        }

        invocation.Begin(at);
        SsmDocuments.Find(invocation.Command.DocumentName)!.Run(world, invocation, at);
    }
}

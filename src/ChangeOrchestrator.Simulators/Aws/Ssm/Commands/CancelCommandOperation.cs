using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>CancelCommand: unfinished invocations go Cancelling then Cancelled; finished ones are left alone.</summary>
internal sealed class CancelCommandOperation : ISsmOperation
{
    public string Name => "CancelCommand";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var commandId = input.RequiredString("CommandId");
        var command = world.Commands.Find(commandId) ?? throw SsmErrors.InvalidCommandId();
        var instanceIds = input.Strings("InstanceIds");
        if (instanceIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new SsmServiceException("DuplicateInstanceId", $"Instance Id {duplicate.Key} is duplicated.");
        }

        var targeted = command.TargetsResolved
            ? command.Invocations.Select(i => i.Node.InstanceId).ToHashSet(StringComparer.Ordinal)
            : command.RequestedInstanceIds.ToHashSet(StringComparer.Ordinal);
        if (instanceIds.FirstOrDefault(id => !targeted.Contains(id)) is { } unknown)
        {
            throw SsmErrors.InvalidInstanceId($"Instance {unknown} is not a target of command {commandId}.");
        }

        world.Commands.Cancel(command, instanceIds.Count > 0 ? instanceIds.ToHashSet(StringComparer.Ordinal) : null, world.Now);
        return [];
    }
}

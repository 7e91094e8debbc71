using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

internal sealed class ListCommandInvocationsOperation : ISsmOperation
{
    public string Name => "ListCommandInvocations";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var commandId = input.String("CommandId");
        var instanceId = input.String("InstanceId");
        var details = input.Bool("Details") ?? false;
        var filters = CommandFilter.Parse(input);
        var command = commandId is null ? null : world.Commands.Find(commandId) ?? throw SsmErrors.InvalidCommandId();
        if (instanceId is not null && !InstanceIdFormat.IsValid(instanceId))
        {
            throw SsmErrors.InvalidInstanceId();
        }

        // The command named, or the commands that reached the node, rather than every command the account holds.
        IEnumerable<RunCommand> commands = command is not null ? [command]
            : instanceId is not null ? world.Commands.NewestFirstFor(instanceId)
            : world.Commands.NewestFirst;
        var invocations = commands
            .SelectMany(c => c.Invocations)
            .Where(i => instanceId is null || i.Node.InstanceId == instanceId)
            .Where(i => filters.All(f => f.Matches(i.Command, i.Status)))
            .ToList();
        var page = SsmPaging.Page(input, world, invocations, 1, 50, 50);
        var result = new JsonObject
        {
            ["CommandInvocations"] = new JsonArray([.. page.Items.Select(i => (JsonNode)CommandJson.Invocation(i, details))]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

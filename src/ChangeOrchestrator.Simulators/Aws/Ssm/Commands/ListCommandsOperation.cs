using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

internal sealed class ListCommandsOperation : ISsmOperation
{
    public string Name => "ListCommands";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var commandId = input.String("CommandId");
        var instanceId = input.String("InstanceId");
        var filters = CommandFilter.Parse(input);
        if (commandId is not null && world.Commands.Find(commandId) is null)
        {
            throw SsmErrors.InvalidCommandId();
        }

        if (instanceId is not null && !InstanceIdFormat.IsValid(instanceId))
        {
            throw SsmErrors.InvalidInstanceId();
        }

        var commands = (instanceId is null ? world.Commands.NewestFirst : world.Commands.NewestFirstFor(instanceId))
            .Where(c => commandId is null || c.CommandId == commandId)
            .Where(c =>
            {
                var status = c.Summarize().Status;
                return filters.All(f => f.Matches(c, status));
            })
            .ToList();
        var page = SsmPaging.Page(input, world, commands, 1, 50, 50);
        var result = new JsonObject { ["Commands"] = new JsonArray([.. page.Items.Select(c => (JsonNode)CommandJson.Command(c))]) };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

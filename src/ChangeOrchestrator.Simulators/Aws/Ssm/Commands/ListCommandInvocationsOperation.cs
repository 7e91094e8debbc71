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
        if (commandId is not null && world.Commands.Find(commandId) is null)
        {
            throw SsmErrors.InvalidCommandId();
        }

        if (instanceId is not null && !InstanceIdFormat.IsValid(instanceId))
        {
            throw SsmErrors.InvalidInstanceId();
        }

        var invocations = world.Commands.NewestFirst
            .Where(c => commandId is null || c.CommandId == commandId)
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

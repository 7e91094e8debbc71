using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

internal sealed class DescribeInstancePatchStatesForPatchGroupOperation : ISsmOperation
{
    public string Name => "DescribeInstancePatchStatesForPatchGroup";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var group = input.RequiredString("PatchGroup");
        var filters = PatchStateCountFilter.Parse(input);
        var states = world.Fleet.Nodes
            .Where(node => node.IsManaged && !node.IsTerminated && node.PatchGroup == group)
            .Select(node => (Node: node, Report: world.Compliance.ReportFor(node)))
            .Where(entry => entry.Report is { } report && filters.All(f => f.Matches(report)))
            .ToList();
        var page = SsmPaging.Page(input, world, states, 10, 100, 10);
        var result = new JsonObject
        {
            ["InstancePatchStates"] = new JsonArray([.. page.Items.Select(e => (JsonNode)PatchStateJson.State(e.Node, e.Report!))]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

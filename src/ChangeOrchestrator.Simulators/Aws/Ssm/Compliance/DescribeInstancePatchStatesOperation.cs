using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>DescribeInstancePatchStates: nodes that never reported compliance (or are unknown) are simply absent.</summary>
internal sealed class DescribeInstancePatchStatesOperation : ISsmOperation
{
    public string Name => "DescribeInstancePatchStates";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var instanceIds = input.Strings("InstanceIds");
        if (instanceIds.Count == 0)
        {
            throw SsmErrors.Required("InstanceIds");
        }

        if (instanceIds.Count > 50)
        {
            throw SsmErrors.Validation("instanceIds", "Member must have length less than or equal to 50");
        }

        var states = instanceIds.Distinct(StringComparer.Ordinal)
            .Select(world.Fleet.Find)
            .OfType<FleetNode>()
            .Where(node => node.IsManaged)
            .Select(node => (Node: node, Report: world.Compliance.ReportFor(node)))
            .Where(entry => entry.Report is not null)
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

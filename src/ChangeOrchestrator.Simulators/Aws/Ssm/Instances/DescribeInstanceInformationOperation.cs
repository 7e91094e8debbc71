using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Instances;

/// <summary>DescribeInstanceInformation: registered nodes only; EC2 instances whose agent never registered are absent.</summary>
internal sealed class DescribeInstanceInformationOperation : ISsmOperation
{
    public string Name => "DescribeInstanceInformation";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var filters = InstanceInformationFilter.Parse(input);
        var now = world.Now;
        // Ids named by a filter are looked up, not searched for among every node; the other filters still apply to them.
        var named = filters.FirstOrDefault(f => f.Key is "InstanceIds" or "SourceIds");
        var candidates = named is null ? world.Fleet.Nodes : world.Fleet.FindInOrder(named.Values);
        var page = SsmPaging.Scan(input, world, candidates, n => n.IsManaged && !n.IsTerminated && filters.All(f => f.Matches(n, now)), 5, 50, 10);
        var result = new JsonObject
        {
            ["InstanceInformationList"] = new JsonArray([.. page.Items.Select(n => (JsonNode)Describe(n, now))]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }

    private static JsonObject Describe(FleetNode node, DateTimeOffset now)
    {
        var lastAssociation = node.Agent.LastPing(now).AddMinutes(-30);
        var json = new JsonObject
        {
            ["InstanceId"] = node.InstanceId,
            ["PingStatus"] = node.PingStatus(now),
            ["LastPingDateTime"] = SsmJson.Epoch(node.IsOnline(now) ? now : node.Agent.LastPing(now)),
            ["AgentVersion"] = node.AgentVersion,
            ["IsLatestVersion"] = node.AgentVersion == FleetGenerator.LatestAgentVersion,
            ["PlatformType"] = node.Os.PlatformType,
            ["PlatformName"] = node.Os.PlatformName,
            ["PlatformVersion"] = node.Os.PlatformVersion,
            ["ResourceType"] = node.IsHybrid ? "ManagedInstance" : "EC2Instance",
            ["IPAddress"] = node.IpAddress,
            ["ComputerName"] = node.ComputerName,
            ["AssociationStatus"] = "Success",
            ["LastAssociationExecutionDate"] = SsmJson.Epoch(lastAssociation),
            ["LastSuccessfulAssociationExecutionDate"] = SsmJson.Epoch(lastAssociation),
            ["AssociationOverview"] = new JsonObject
            {
                ["DetailedStatus"] = "Success",
                ["InstanceAssociationStatusAggregatedCount"] = new JsonObject { ["Success"] = 1 },
            },
            ["SourceId"] = node.InstanceId,
            ["SourceType"] = node.IsHybrid ? "AWS::SSM::ManagedInstance" : "AWS::EC2::Instance",
        };
        if (node.Hybrid is { } hybrid)
        {
            json["ActivationId"] = hybrid.ActivationId;
            json["IamRole"] = hybrid.IamRole;
            json["RegistrationDate"] = SsmJson.Epoch(hybrid.RegistrationDate);
            json["Name"] = hybrid.Name;
        }

        return json;
    }
}

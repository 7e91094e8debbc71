using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Inventory;

/// <summary>GetInventory over AWS:InstanceInformation and AWS:PatchSummary; aggregators are not simulated.</summary>
internal sealed class GetInventoryOperation : ISsmOperation
{
    public string Name => "GetInventory";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        if (input.Has("Aggregators"))
        {
            throw new SsmServiceException("InvalidAggregatorException", "Aggregators are not supported for this inventory.");
        }

        var filters = InventoryFilter.Parse(input);
        var typeNames = input.Objects("ResultAttributes").Select(a => a.RequiredString("TypeName")).ToList();
        if (typeNames.Find(t => !InventoryContent.TypeNames.Contains(t, StringComparer.Ordinal)) is { } unknown)
        {
            throw new SsmServiceException("InvalidResultAttributeException", $"The result attribute type {unknown} is not valid.");
        }

        if (typeNames.Count == 0)
        {
            typeNames = [.. InventoryContent.TypeNames];
        }

        var entities = world.Fleet.Nodes
            .Where(n => n.IsManaged && !n.IsTerminated)
            .Where(n => filters.All(f => f.Matches(InventoryContent.For(f.TypeName, n, world))))
            .ToList();
        var page = SsmPaging.Page(input, world, entities, 1, 50, 50);
        var captured = SsmJson.Iso(world.Now);
        var result = new JsonObject
        {
            ["Entities"] = new JsonArray([.. page.Items.Select(node =>
            {
                var data = new JsonObject();
                foreach (var typeName in typeNames)
                {
                    if (InventoryContent.For(typeName, node, world) is { } content)
                    {
                        var map = new JsonObject();
                        foreach (var (key, value) in content)
                        {
                            map[key] = value;
                        }

                        data[typeName] = new JsonObject
                        {
                            ["TypeName"] = typeName,
                            ["SchemaVersion"] = "1.0",
                            ["CaptureTime"] = captured,
                            ["Content"] = new JsonArray(map),
                        };
                    }
                }

                return (JsonNode)new JsonObject { ["Id"] = node.InstanceId, ["Data"] = data };
            })]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}

using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Tags;

internal sealed class ListTagsForResourceOperation : ISsmOperation
{
    public string Name => "ListTagsForResource";

    public JsonObject Execute(SsmInput input, AwsWorld world) =>
        new() { ["TagList"] = SsmJson.Tags(TaggableResources.Resolve(world, input)) };
}

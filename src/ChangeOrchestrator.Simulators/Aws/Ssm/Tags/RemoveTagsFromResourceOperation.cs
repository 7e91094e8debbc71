using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Tags;

internal sealed class RemoveTagsFromResourceOperation : ISsmOperation
{
    public string Name => "RemoveTagsFromResource";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var tags = TaggableResources.Resolve(world, input);
        var keys = input.Strings("TagKeys");
        if (keys.Count == 0)
        {
            throw SsmErrors.Required("TagKeys");
        }

        foreach (var key in keys)
        {
            tags.Remove(key);
        }

        return [];
    }
}

using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Tags;

internal sealed class AddTagsToResourceOperation : ISsmOperation
{
    public string Name => "AddTagsToResource";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var tags = TaggableResources.Resolve(world, input);
        var added = input.Objects("Tags");
        if (added.Count == 0)
        {
            throw SsmErrors.Required("Tags");
        }

        var pairs = added.Select(tag => (Key: tag.RequiredString("Key"), Value: tag.String("Value") ?? "")).ToList();
        foreach (var (key, value) in pairs)
        {
            if (key.Length > 128 || value.Length > 256 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw SsmErrors.Validation("tags.member.key", "Member must have length less than or equal to 128 and must not start with aws:", key);
            }
        }

        if (tags.Keys.Union(pairs.Select(p => p.Key), StringComparer.Ordinal).Count() > TaggableResources.MaxTags)
        {
            throw new SsmServiceException("TooManyTagsError", $"The resource can't have more than {TaggableResources.MaxTags} tags.");
        }

        foreach (var (key, value) in pairs)
        {
            tags[key] = value;
        }

        return [];
    }
}

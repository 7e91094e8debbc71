using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Tags;

/// <summary>CreateTags: overwrites existing keys; tagging an instance's Patch Group moves it between patch groups.</summary>
internal sealed class CreateTagsAction : IEc2Action
{
    public string Name => "CreateTags";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var ids = input.List("ResourceId");
        var tags = input.Tags("Tag");
        if (ids.Count == 0)
        {
            throw new Ec2ServiceException("MissingParameter", "The request must contain the parameter resourceIdSet");
        }

        if (tags.Count == 0)
        {
            throw new Ec2ServiceException("MissingParameter", "The request must contain the parameter tagSet");
        }

        if (tags.FirstOrDefault(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || t.Key.Length is 0 or > 128 || t.Value.Length > 256) is { } bad)
        {
            throw new Ec2ServiceException("InvalidParameterValue", $"Tag key '{bad.Key}' is not valid.");
        }

        var targets = ids.Select(id => Ec2TaggableResources.Resolve(world, id)).ToList();
        if (targets.Exists(t => t.Keys.Union(tags.Select(tag => tag.Key), StringComparer.Ordinal).Count() > Ec2TaggableResources.MaxTags))
        {
            throw new Ec2ServiceException("TagLimitExceeded", $"The maximum number of tags ({Ec2TaggableResources.MaxTags}) for a resource has been reached.");
        }

        input.ThrowIfDryRun();
        foreach (var target in targets)
        {
            foreach (var tag in tags)
            {
                target[tag.Key] = tag.Value;
            }
        }

        return [Ec2Xml.E("return", "true")];
    }
}

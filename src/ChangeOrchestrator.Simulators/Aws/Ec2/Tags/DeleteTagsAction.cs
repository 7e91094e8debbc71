using System.Xml.Linq;

namespace ChangeOrchestrator.Simulators.Aws.Ec2.Tags;

/// <summary>DeleteTags: a tag given with a value is deleted only when the value matches, as in EC2.</summary>
internal sealed class DeleteTagsAction : IEc2Action
{
    public string Name => "DeleteTags";

    public IEnumerable<XElement> Execute(Ec2Input input, AwsWorld world)
    {
        var ids = input.List("ResourceId");
        if (ids.Count == 0)
        {
            throw new Ec2ServiceException("MissingParameter", "The request must contain the parameter resourceIdSet");
        }

        var targets = ids.Select(id => Ec2TaggableResources.Resolve(world, id)).ToList();
        var keys = new List<(string Key, string? Value)>();
        for (var i = 1; input.Value($"Tag.{i}.Key") is { } key; i++)
        {
            keys.Add((key, input.Value($"Tag.{i}.Value")));
        }

        input.ThrowIfDryRun();
        foreach (var target in targets)
        {
            if (keys.Count == 0)
            {
                target.Clear();
            }

            foreach (var (key, value) in keys)
            {
                if (value is null || (target.TryGetValue(key, out var current) && current == value))
                {
                    target.Remove(key);
                }
            }
        }

        return [Ec2Xml.E("return", "true")];
    }
}

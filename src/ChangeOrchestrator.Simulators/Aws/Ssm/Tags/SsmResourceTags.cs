namespace ChangeOrchestrator.Simulators.Aws.Ssm.Tags;

/// <summary>Tags of SSM resources other than managed nodes, whose tags live on the node itself.</summary>
internal sealed class SsmResourceTags
{
    private readonly Dictionary<(string Type, string Id), Dictionary<string, string>> _tags = [];

    public Dictionary<string, string> For(string resourceType, string resourceId)
    {
        if (!_tags.TryGetValue((resourceType, resourceId), out var tags))
        {
            _tags[(resourceType, resourceId)] = tags = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return tags;
    }

    /// <summary>A deleted resource takes its tags with it.</summary>
    public void Remove(string resourceType, string resourceId) => _tags.Remove((resourceType, resourceId));
}

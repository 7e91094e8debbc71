using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>
/// The nodes a command reaches: its InstanceIds, or the managed nodes matching every Targets entry
/// (EC2 tags for instances, SSM tags for on-premises nodes). Resource groups are not simulated and match nothing.
/// </summary>
internal static class CommandTargetResolver
{
    public static IReadOnlyList<FleetNode> Resolve(AwsWorld world, RunCommand command)
    {
        if (command.RequestedInstanceIds.Count > 0)
        {
            return [.. command.RequestedInstanceIds.Select(world.Fleet.Find).OfType<FleetNode>()];
        }

        return [.. world.Fleet.Nodes.Where(node => node.IsManaged && !node.IsTerminated && command.Targets.All(target => Matches(node, target)))];
    }

    public static bool IsSupportedKey(string key) =>
        key is "InstanceIds" or "tag-key" || key.StartsWith("tag:", StringComparison.Ordinal) || key.StartsWith("resource-groups:", StringComparison.Ordinal);

    public static bool Matches(FleetNode node, CommandTarget target) => target.Key switch
    {
        "InstanceIds" => target.Values.Contains(node.InstanceId, StringComparer.Ordinal),
        "tag-key" => target.Values.Any(node.Tags.ContainsKey),
        _ when target.Key.StartsWith("tag:", StringComparison.Ordinal) =>
            node.Tags.TryGetValue(target.Key[4..], out var value) && target.Values.Contains(value, StringComparer.Ordinal),
        _ => false,
    };
}

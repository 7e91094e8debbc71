using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>Id lookups with EC2's Malformed / NotFound errors.</summary>
internal static class Ec2Lookup
{
    public static List<FleetNode> Instances(AwsWorld world, IReadOnlyList<string> ids)
    {
        if (ids.FirstOrDefault(id => !Ec2IdFormat.IsValid(id, "i")) is { } malformed)
        {
            throw new Ec2ServiceException("InvalidInstanceID.Malformed", $"Invalid id: \"{malformed}\"");
        }

        var missing = ids.Where(id => world.Fleet.Find(id)?.Ec2 is null).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new Ec2ServiceException("InvalidInstanceID.NotFound", missing.Count == 1
                ? $"The instance ID '{missing[0]}' does not exist"
                : $"The instance IDs '{string.Join(", ", missing)}' do not exist");
        }

        return [.. ids.Distinct(StringComparer.Ordinal).Select(id => world.Fleet.Find(id)!)];
    }

    public static FleetNode Instance(AwsWorld world, string id) => Instances(world, [id])[0];
}

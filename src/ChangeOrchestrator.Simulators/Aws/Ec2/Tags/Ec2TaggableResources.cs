namespace ChangeOrchestrator.Simulators.Aws.Ec2.Tags;

/// <summary>The tag set of an EC2 resource id, by its prefix, with EC2's error codes for unknown ids.</summary>
internal static class Ec2TaggableResources
{
    public const int MaxTags = 50;

    public static Dictionary<string, string> Resolve(AwsWorld world, string id)
    {
        var prefix = id.Contains('-', StringComparison.Ordinal) ? id[..id.IndexOf('-', StringComparison.Ordinal)] : id;
        return prefix switch
        {
            "i" => Ec2Lookup.Instance(world, id).Tags,
            "snap" => world.Ec2.FindSnapshot(id).Tags,
            "ami" => world.Ec2.FindImage(id).Tags,
            "vol" when world.Fleet.TryFindVolume(id, out _, out var volume) => volume.Tags,
            "vol" => throw new Ec2ServiceException("InvalidVolume.NotFound", $"The volume '{id}' does not exist."),
            "replacevol" => world.Ec2.RootVolumeTasks.GetValueOrDefault(id)?.Tags
                ?? throw new Ec2ServiceException("InvalidReplaceRootVolumeTaskId.NotFound", $"The replace root volume task ID '{id}' does not exist."),
            _ => throw new Ec2ServiceException("InvalidID", $"The ID '{id}' is not valid"),
        };
    }
}

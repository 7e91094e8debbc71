using ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Tags;

/// <summary>
/// Finds the tag set of an SSM resource. Managed nodes are tagged here only when on-premises (<c>mi-</c>);
/// EC2 instances are tagged through EC2. Resource types the simulator does not model answer InvalidResourceId.
/// </summary>
internal static class TaggableResources
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "Document", "ManagedInstance", "MaintenanceWindow", "Parameter", "PatchBaseline", "OpsItem", "OpsMetadata",
        "Automation", "Association", "CloudConnector",
    };

    public const int MaxTags = 50;

    public static Dictionary<string, string> Resolve(AwsWorld world, SsmInput input)
    {
        var type = input.RequiredString("ResourceType");
        var id = input.RequiredString("ResourceId");
        if (!Types.Contains(type))
        {
            throw new SsmServiceException("InvalidResourceType", $"The resource type {type} is not valid.");
        }

        var found = type switch
        {
            "ManagedInstance" when id.StartsWith("mi-", StringComparison.Ordinal) => world.Fleet.Find(id)?.Tags,
            "PatchBaseline" when world.Baselines.Find(id) is { IsAwsOwned: false } baseline => world.ResourceTags.For(type, baseline.BaselineId),
            "MaintenanceWindow" when world.Windows.Find(id) is not null => world.ResourceTags.For(type, id),
            "Document" when world.Calendars.Find(id) is not null || SsmDocuments.Find(id) is not null => world.ResourceTags.For(type, id),
            _ => null,
        };
        return found ?? throw new SsmServiceException("InvalidResourceId", $"The resource ID \"{id}\" is not valid. Verify the ID and try again.");
    }
}

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>The tag keys the patching domain reads meaning from.</summary>
public static class FleetTags
{
    /// <summary>The tag that assigns a server to a patch group, and so to a patch baseline.</summary>
    public const string PatchGroup = "Patch Group";

    /// <summary>The spelling used where tags come from instance metadata, which forbids spaces in keys.</summary>
    public const string PatchGroupWithoutSpace = "PatchGroup";

    public const string Environment = "Environment";

    public const string Name = "Name";

    public static string? PatchGroupOf(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(PatchGroup, out var group) || tags.TryGetValue(PatchGroupWithoutSpace, out group) ? group : null;
}

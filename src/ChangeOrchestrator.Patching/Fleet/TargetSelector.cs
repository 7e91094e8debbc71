namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// Which servers a change patches. Every given criterion must hold (patch groups, environment, tag filters,
/// explicit ids); a server carrying any exclusion tag is left out. A selector with no criterion is refused
/// rather than read as "the whole fleet".
/// </summary>
public sealed record TargetSelector
{
    /// <summary>Values of the <c>Patch Group</c> tag; a server in any of them matches.</summary>
    public IReadOnlyList<string> PatchGroups { get; init; } = [];

    /// <summary>Value of the <c>Environment</c> tag.</summary>
    public string? Environment { get; init; }

    public IReadOnlyList<TagFilter> Tags { get; init; } = [];

    /// <summary>EC2 (<c>i-</c>) and on-premises (<c>mi-</c>) ids.</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    public IReadOnlyList<TagFilter> ExcludeTags { get; init; } = [];

    public bool HasCriteria => PatchGroups.Count > 0 || Environment is not null || Tags.Count > 0 || InstanceIds.Count > 0;

    /// <summary>The tag conditions a server must meet, patch groups and environment included.</summary>
    public IReadOnlyList<TagFilter> RequiredTags()
    {
        var required = new List<TagFilter>();
        if (PatchGroups.Count > 0)
        {
            required.Add(new TagFilter(FleetTags.PatchGroup, PatchGroups));
        }

        if (Environment is not null)
        {
            required.Add(new TagFilter(FleetTags.Environment, [Environment]));
        }

        required.AddRange(Tags);
        return required;
    }

    /// <summary>Whether a server with these tags is selected, leaving explicit ids aside.</summary>
    public bool Includes(IReadOnlyDictionary<string, string> tags) =>
        RequiredTags().All(filter => filter.Matches(tags)) && !ExcludeTags.Any(filter => filter.Matches(tags));
}

namespace ChangeOrchestrator.Patching.Policies;

/// <summary>A patch group: servers tagged <c>Patch Group = Name</c>, the baseline per operating system, and their change policy.</summary>
public sealed record PatchGroupPolicy
{
    public required string Name { get; init; }

    /// <summary>Dev, Test, Prod, ...</summary>
    public required string Environment { get; init; }

    /// <summary>Operating system (as SSM spells it) to the name of a baseline of this policy.</summary>
    public IReadOnlyDictionary<string, string> Baselines { get; init; } = new Dictionary<string, string>();

    public required GroupChangePolicy ChangePolicy { get; init; }

    public SourceLocation? Location { get; init; }
}

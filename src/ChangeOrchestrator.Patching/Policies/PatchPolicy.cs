namespace ChangeOrchestrator.Patching.Policies;

/// <summary>The patch policy of a <c>policies/</c> folder: baselines, patch groups, windows, SLAs and exceptions.</summary>
public sealed record PatchPolicy
{
    public IReadOnlyList<BaselinePolicy> Baselines { get; init; } = [];

    public IReadOnlyList<PatchGroupPolicy> PatchGroups { get; init; } = [];

    public IReadOnlyList<MaintenanceWindowPolicy> MaintenanceWindows { get; init; } = [];

    public IReadOnlyList<ComplianceSla> Slas { get; init; } = [];

    public IReadOnlyList<PatchExemption> Exceptions { get; init; } = [];

    /// <summary>Field path (as errors name it) to where it is written, to point SSM's complaints at the policy line.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Fields { get; init; } = new Dictionary<string, SourceLocation>();

    public PatchGroupPolicy? Group(string name) =>
        PatchGroups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.Ordinal));

    public BaselinePolicy? Baseline(string name) =>
        Baselines.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.Ordinal));

    /// <summary>The windows that serve a patch group, in declaration order.</summary>
    public IReadOnlyList<MaintenanceWindowPolicy> WindowsFor(string patchGroup) =>
        [.. MaintenanceWindows.Where(w => w.PatchGroups.Contains(patchGroup, StringComparer.Ordinal))];

    public IReadOnlyList<PatchExemption> ActiveExceptions(DateTimeOffset at) => [.. Exceptions.Where(e => e.IsActive(at))];
}

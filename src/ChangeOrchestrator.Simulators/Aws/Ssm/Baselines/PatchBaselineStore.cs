using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>Baselines, the default baseline per operating system, and patch group registrations.</summary>
internal sealed class PatchBaselineStore
{
    private readonly Dictionary<string, PatchBaseline> _baselines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, string Os), string> _registrations = [];

    public PatchBaselineStore(string region, DateTimeOffset now)
    {
        foreach (var baseline in PredefinedPatchBaselines.Create(region, now.AddYears(-3)))
        {
            _baselines[baseline.BaselineId] = baseline;
            _defaults[baseline.OperatingSystem] = baseline.BaselineId;
        }
    }

    public IEnumerable<PatchBaseline> All => _baselines.Values;

    public IReadOnlyDictionary<(string Group, string Os), string> Registrations => _registrations;

    /// <summary>Custom baselines answer to their id or ARN; AWS-owned ones only to their ARN, as in the service.</summary>
    public PatchBaseline? Find(string id)
    {
        if (_baselines.TryGetValue(id, out var baseline))
        {
            return baseline;
        }

        var slash = id.LastIndexOf('/');
        return slash > 0 && id.StartsWith("arn:aws:ssm:", StringComparison.Ordinal)
            && _baselines.TryGetValue(id[(slash + 1)..], out baseline) && !baseline.IsAwsOwned
            ? baseline
            : null;
    }

    public void Add(PatchBaseline baseline) => _baselines[baseline.BaselineId] = baseline;

    public void Remove(PatchBaseline baseline) => _baselines.Remove(baseline.BaselineId);

    public bool IsDefault(PatchBaseline baseline) => _defaults.GetValueOrDefault(baseline.OperatingSystem) == baseline.BaselineId;

    public PatchBaseline DefaultFor(string operatingSystem) => _baselines[_defaults[operatingSystem]];

    public void SetDefault(PatchBaseline baseline) => _defaults[baseline.OperatingSystem] = baseline.BaselineId;

    public string? RegisteredFor(string group, string operatingSystem) =>
        _registrations.GetValueOrDefault((group, operatingSystem));

    public void Register(string group, PatchBaseline baseline) => _registrations[(group, baseline.OperatingSystem)] = baseline.BaselineId;

    public void Deregister(string group, PatchBaseline baseline) => _registrations.Remove((group, baseline.OperatingSystem));

    public IReadOnlyList<string> GroupsOf(PatchBaseline baseline) =>
        [.. _registrations.Where(r => r.Value == baseline.BaselineId).Select(r => r.Key.Group).Order(StringComparer.Ordinal)];

    /// <summary>The baseline Patch Manager applies: the one registered for the group and OS, else the OS default.</summary>
    public PatchBaseline ForGroup(string? group, string operatingSystem) =>
        group is not null && RegisteredFor(group, operatingSystem) is { } id && _baselines.TryGetValue(id, out var registered)
            ? registered
            : DefaultFor(operatingSystem);

    public PatchBaseline ForNode(FleetNode node) => ForGroup(node.PatchGroup, node.Os.BaselineOperatingSystem);
}

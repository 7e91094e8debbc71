namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>Every update known for one operating system, ordered by release date; the vendor may publish more as time goes by.</summary>
internal sealed class PatchCatalog
{
    private readonly List<PatchDefinition> _patches;
    private readonly Dictionary<string, PatchDefinition> _byKbId;

    public PatchCatalog(OperatingSystemProfile os, IReadOnlyList<PatchDefinition> patches)
    {
        Os = os;
        _patches = [.. patches];
        _byKbId = patches.ToDictionary(p => p.KbId, StringComparer.OrdinalIgnoreCase);
    }

    public OperatingSystemProfile Os { get; }

    public IReadOnlyList<PatchDefinition> Patches => _patches;

    public IReadOnlyDictionary<string, PatchDefinition> ByKbId => _byKbId;

    public static PatchCatalog For(OperatingSystemProfile os, DateTimeOffset now) =>
        os.IsWindows ? WindowsPatchCatalogBuilder.Build(os, now) : LinuxPatchCatalogBuilder.Build(os, now);

    /// <summary>
    /// Adds an update the vendor has just released. It takes the next index, so the servers' states (one entry per
    /// index) see it as not installed until a patch run installs it.
    /// </summary>
    public PatchDefinition Publish(PatchDefinition patch)
    {
        var published = patch with { Index = _patches.Count };
        _patches.Add(published);
        _byKbId[published.KbId] = published;
        return published;
    }
}

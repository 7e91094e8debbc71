namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>Every update known for one operating system, ordered by release date.</summary>
internal sealed class PatchCatalog
{
    public PatchCatalog(OperatingSystemProfile os, IReadOnlyList<PatchDefinition> patches)
    {
        Os = os;
        Patches = patches;
        ByKbId = patches.ToDictionary(p => p.KbId, StringComparer.OrdinalIgnoreCase);
    }

    public OperatingSystemProfile Os { get; }

    public IReadOnlyList<PatchDefinition> Patches { get; }

    public IReadOnlyDictionary<string, PatchDefinition> ByKbId { get; }

    public static PatchCatalog For(OperatingSystemProfile os, DateTimeOffset now) =>
        os.IsWindows ? WindowsPatchCatalogBuilder.Build(os, now) : LinuxPatchCatalogBuilder.Build(os, now);
}

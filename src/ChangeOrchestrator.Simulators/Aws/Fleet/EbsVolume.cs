using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Fleet;

internal sealed class EbsVolume
{
    public required string VolumeId { get; init; }

    public required string DeviceName { get; init; }

    public required int SizeGiB { get; init; }

    public required DateTimeOffset AttachTime { get; init; }

    public required bool IsRoot { get; init; }

    /// <summary>The instance's first root volume: snapshots restorable as its root descend from it.</summary>
    public required string RootLineage { get; init; }

    public bool Encrypted { get; init; }

    public bool DeleteOnTermination => IsRoot;

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>For a root volume replaced and kept: the updates installed on it when it was detached.</summary>
    public NodePatchState? DetachedPatches { get; set; }
}

using System.ComponentModel;
using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>What a scan found missing on one server.</summary>
public sealed record InstanceMissingPatches
{
    public required string InstanceId { get; init; }

    public required int MissingCount { get; init; }

    [Description("Each patch: id (KB or package), title, classification, severity, state (missing or failed), CVE ids.")]
    public required IReadOnlyList<MissingPatch> Patches { get; init; }
}

using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// A finished scan: what each reported server misses with its patch state counts, and the servers it did not reach or
/// that reported nothing.
/// </summary>
internal sealed record PatchScanResult(
    PatchCommandReference Command, List<InstanceMissingPatches> Found, List<InstanceRunResult> Failures, IReadOnlyDictionary<string, InstancePatchState> Reports);

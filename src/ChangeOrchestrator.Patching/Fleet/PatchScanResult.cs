using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// A finished scan: the servers that reported after it (in id order) with their patch state counts, and the servers it
/// did not reach or that reported nothing. What each reported server misses is read a page at a time
/// (<see cref="PatchScan.FoundPagesAsync"/>).
/// </summary>
internal sealed record PatchScanResult(
    PatchCommandReference Command, IReadOnlyList<string> Reported, List<InstanceRunResult> Failures, IReadOnlyDictionary<string, InstancePatchState> Reports);

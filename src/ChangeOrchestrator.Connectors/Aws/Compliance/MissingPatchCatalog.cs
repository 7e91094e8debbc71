using System.Collections.Concurrent;
using ChangeOrchestrator.Patching.Compliance;
using PatchComplianceData = Amazon.SimpleSystemsManagement.Model.PatchComplianceData;

namespace ChangeOrchestrator.Connectors.Aws.Compliance;

/// <summary>
/// One <see cref="MissingPatch"/> for each distinct patch the servers of a read report missing, shared by every server
/// that misses it. A patch round leaves thousands of servers missing the same few hundred patches: mapped per server,
/// each server carried its own copy of every patch's title, classification and CVE ids, and a scan holds a page of a
/// thousand servers' patches through the page's write, long enough for the collector to promote them, so those copies
/// piled up in the older generations until a full collection.
/// </summary>
internal sealed class MissingPatchCatalog
{
    private readonly ConcurrentDictionary<PatchKey, MissingPatch> _patches = new();

    /// <summary>The shared patch for what a server reported; the strings of the report are kept only the first time.</summary>
    public MissingPatch Share(PatchComplianceData reported)
    {
        // The service spells states in PascalCase (Missing, Failed), not like the SDK's constants; compare the text.
        var state = string.Equals(reported.State?.Value, "Failed", StringComparison.OrdinalIgnoreCase) ? MissingPatchState.Failed : MissingPatchState.Missing;
        var key = new PatchKey(reported.KBId, reported.Title, reported.Classification, reported.Severity, state, reported.CVEIds);
        return _patches.GetOrAdd(key, static k => new MissingPatch
        {
            Id = k.Id,
            Title = k.Title ?? k.Id,
            Classification = AwsText.OrNull(k.Classification),
            Severity = AwsText.OrNull(k.Severity),
            State = k.State,
            CveIds = (k.CveIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        });
    }

    /// <summary>Every distinct patch shared so far.</summary>
    public ICollection<MissingPatch> Patches => _patches.Values;

    private readonly record struct PatchKey(string Id, string? Title, string? Classification, string? Severity, MissingPatchState State, string? CveIds);
}

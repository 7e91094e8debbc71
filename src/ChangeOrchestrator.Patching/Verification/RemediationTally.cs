using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Verification;

/// <summary>
/// The comparison of a rescan with what was missed before, added up a page of rescanned servers at a time: a patch
/// missed before and still missing on a server is residual there; a patch or CVE counts as remediated only when it is
/// gone from every rescanned server that missed it.
/// </summary>
internal sealed class RemediationTally
{
    private readonly SortedSet<string> _remediatedPatchIds = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _remediatedCves = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _residualPatchIds = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _residualCves = new(StringComparer.Ordinal);

    public int Rescanned { get; private set; }

    public int ResidualCount { get; private set; }

    public IReadOnlyList<string> RemediatedPatchIds => [.. _remediatedPatchIds.Except(_residualPatchIds, StringComparer.Ordinal)];

    public IReadOnlyList<string> RemediatedCves => [.. _remediatedCves.Except(_residualCves, StringComparer.Ordinal)];

    public IReadOnlyList<string> ResidualPatchIds => [.. _residualPatchIds];

    public IReadOnlyList<string> ResidualCves => [.. _residualCves];

    /// <summary>Compares one page of the rescan; returns its servers with residual patches, as the rescan reports them.</summary>
    public List<InstanceMissingPatches> Add(IReadOnlyList<InstanceMissingPatches> page, MissedBefore before)
    {
        Rescanned += page.Count;
        var residual = new List<InstanceMissingPatches>();
        foreach (var after in page)
        {
            var stillMissing = after.Patches.DistinctBy(p => p.Id, StringComparer.Ordinal).ToDictionary(p => p.Id, StringComparer.Ordinal);
            var missedBefore = before.Of(after.InstanceId);
            foreach (var patch in missedBefore.Where(p => !stillMissing.ContainsKey(p.Id)))
            {
                _remediatedPatchIds.Add(patch.Id);
                _remediatedCves.UnionWith(patch.Cves);
            }

            var residualHere = missedBefore
                .Where(p => stillMissing.ContainsKey(p.Id))
                .Select(p => stillMissing[p.Id])
                .DistinctBy(p => p.Id, StringComparer.Ordinal)
                .OrderBy(p => p.Id, StringComparer.Ordinal)
                .ToList();
            if (residualHere.Count == 0)
            {
                continue;
            }

            residual.Add(new InstanceMissingPatches { InstanceId = after.InstanceId, MissingCount = residualHere.Count, Patches = residualHere });
            ResidualCount += residualHere.Count;
            foreach (var patch in residualHere)
            {
                _residualPatchIds.Add(patch.Id);
                _residualCves.UnionWith(patch.CveIds);
            }
        }

        return residual;
    }
}

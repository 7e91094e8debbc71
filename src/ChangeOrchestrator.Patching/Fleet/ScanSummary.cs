namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// The figures of a scan's output added up a page of servers at a time, so the pages themselves need not be kept:
/// counts, the servers that miss something, and the distinct patch and CVE ids for the change request.
/// </summary>
internal sealed class ScanSummary
{
    private readonly SortedSet<string> _patchIds = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _cveIds = new(StringComparer.Ordinal);
    private readonly List<string> _missingIds = [];

    public int ScannedCount { get; private set; }

    public int TotalMissing { get; private set; }

    public int CriticalCount { get; private set; }

    public IReadOnlyList<string> MissingIds => _missingIds;

    public IReadOnlyList<string> PatchIds => [.. _patchIds];

    public IReadOnlyList<string> CveIds => [.. _cveIds];

    public void Add(IReadOnlyList<InstanceMissingPatches> page)
    {
        ScannedCount += page.Count;
        foreach (var server in page)
        {
            if (server.MissingCount > 0)
            {
                _missingIds.Add(server.InstanceId);
            }

            foreach (var patch in server.Patches)
            {
                TotalMissing++;
                _patchIds.Add(patch.Id);
                _cveIds.UnionWith(patch.CveIds);
                if (string.Equals(patch.Severity, "Critical", StringComparison.OrdinalIgnoreCase))
                {
                    CriticalCount++;
                }
            }
        }
    }
}

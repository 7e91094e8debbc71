using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>
/// What the assessment needs of a scan, counted server by server as the scan's list is read a page at a time: how
/// many patches are missing and on how many servers, the highest severity, and the critical ones with their CVEs.
/// Only the counts and the distinct critical CVE ids are kept, whatever the fleet.
/// </summary>
internal sealed class MissingPatchTally
{
    private const int CriticalRank = 4;

    private readonly HashSet<string> _criticalCves = new(StringComparer.Ordinal);
    private MissingPatch? _highest;

    public int Patches { get; private set; }

    public int ServersWithPatches { get; private set; }

    /// <summary>Critical-severity patches that fix at least one CVE (a patch missing on two servers counts twice).</summary>
    public int CriticalPatches { get; private set; }

    public IReadOnlyList<string> CriticalCves => [.. _criticalCves.Order(StringComparer.Ordinal)];

    /// <summary>The severity of the first patch of the highest rank, as reported; None without patches, Unspecified when blank.</summary>
    public string HighestSeverity => Patches == 0 ? "None" : string.IsNullOrWhiteSpace(_highest?.Severity) ? "Unspecified" : _highest.Severity;

    public void Add(InstanceMissingPatches server)
    {
        if (server.Patches.Count > 0)
        {
            ServersWithPatches++;
        }

        foreach (var patch in server.Patches)
        {
            Patches++;
            var rank = Rank(patch.Severity);
            if (_highest is null || rank > Rank(_highest.Severity))
            {
                _highest = patch;
            }

            if (rank == CriticalRank && patch.CveIds.Count > 0)
            {
                CriticalPatches++;
                _criticalCves.UnionWith(patch.CveIds);
            }
        }
    }

    public static int Rank(string? severity) => severity?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => CriticalRank,
        "IMPORTANT" or "HIGH" => 3,
        "MODERATE" or "MEDIUM" => 2,
        "LOW" => 1,
        _ => 0,
    };
}

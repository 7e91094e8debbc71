using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Compliance.History;

namespace ChangeOrchestrator.Benchmarks.Compliance;

/// <summary>
/// A generated fleet's nightly scan: three patch groups (20/30/50 %), four operating systems, and per server 0 to 8
/// missing patches out of a pool of 240 (a third of the servers compliant), each patch with a severity, a release date
/// and one to three CVEs; every night a few patches are installed and a few new ones found.
/// </summary>
internal sealed class ComplianceFleet
{
    private static readonly string[] Groups = ["Dev", "Test", "Prod"];
    private static readonly string[] Systems = ["WINDOWS", "AMAZON_LINUX_2023", "UBUNTU", "REDHAT_ENTERPRISE_LINUX"];
    private static readonly string[] Severities = ["Critical", "Important", "Medium", "Low"];

    private readonly MissingPatch[] _pool;
    private readonly List<int>[] _missing;

    public ComplianceFleet(int servers, DateTimeOffset now, int seed = 17)
    {
        var random = new Random(seed);
        _pool = [.. Enumerable.Range(0, 240).Select(i => new MissingPatch
        {
            Id = i % 2 == 0 ? $"KB50{40_000 + i}" : $"package{i}.x86_64",
            Title = i % 2 == 0 ? $"2026-{1 + (i % 12):D2} Cumulative Update for Windows Server 2022 (KB50{40_000 + i})" : $"package{i}.x86_64:0:1.{i}.0-1",
            Classification = i % 2 == 0 ? "SecurityUpdates" : "Security",
            Severity = Severities[i % Severities.Length],
            State = MissingPatchState.Missing,
            CveIds = [.. Enumerable.Range(0, 1 + (i % 3)).Select(c => $"CVE-2026-{10_000 + (i * 7) + c}")],
            ReleaseDate = now.AddDays(-(i % 120)),
        })];
        Ids = [.. Enumerable.Range(0, servers).Select(i => $"i-{i:x17}")];
        _missing = new List<int>[servers];
        for (var i = 0; i < servers; i++)
        {
            var count = random.NextDouble() < 0.33 ? 0 : random.Next(1, 9);
            _missing[i] = [.. Enumerable.Range(0, count).Select(_ => random.Next(_pool.Length)).Distinct()];
        }
    }

    public IReadOnlyList<string> Ids { get; }

    public static string GroupOf(int server) => Groups[server % 10 < 2 ? 0 : server % 10 < 5 ? 1 : 2];

    /// <summary>Overnight: about one server in ten installs one of its patches, and one in ten misses a new one.</summary>
    public void Night(Random random)
    {
        foreach (var missing in _missing)
        {
            if (missing.Count > 0 && random.NextDouble() < 0.1)
            {
                missing.RemoveAt(random.Next(missing.Count));
            }

            if (random.NextDouble() < 0.1)
            {
                var patch = random.Next(_pool.Length);
                if (!missing.Contains(patch))
                {
                    missing.Add(patch);
                }
            }
        }
    }

    public IReadOnlyList<ServerScan> Scan(DateTimeOffset at) =>
    [
        .. Ids.Select((id, i) =>
        {
            var patches = _missing[i].Select(p => _pool[p]).ToList();
            return new ServerScan
            {
                ServerId = id,
                PatchGroup = GroupOf(i),
                Environment = GroupOf(i),
                OperatingSystem = Systems[i % Systems.Length],
                BaselineId = "pb-0123456789abcdef0",
                Operation = PatchOperation.Scan,
                ScannedAt = at.AddSeconds(i % 600),
                Counts = new PatchStateCounts
                {
                    Installed = 120,
                    InstalledOther = 300,
                    Missing = patches.Count,
                    NotApplicable = 1_000,
                    CriticalNonCompliant = patches.Count(p => p.Severity == "Critical"),
                    SecurityNonCompliant = patches.Count,
                },
                MissingPatches = patches,
            };
        }),
    ];
}

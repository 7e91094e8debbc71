using ChangeOrchestrator.Simulators.Aws.Configuration;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// The time the simulated fleet itself needs for the change, from the simulator's durations (scan, snapshot, install
/// and reboot) shrunk by the time scale, plus the soak the workflow waits in real time. An engine that wasted nothing
/// would finish in this time.
/// </summary>
internal static class FleetTime
{
    public static (double Seconds, string Derivation) Derive(StepCounts counts, double timeScale, TimeSpan soak)
    {
        var d = new AwsDurationOptions();
        var scan = d.CommandDispatch + d.InvocationStart + d.Scan + d.ComplianceReportLag;
        var snapshot = d.SnapshotBase + (d.SnapshotPerGiB * counts.LargestVolumeGiB);
        var canary = Wave(counts.Canary, counts.Missing, d);
        var rest = Wave(counts.Rest, counts.Missing, d);
        var simulated = scan + snapshot + canary + rest + scan;
        var seconds = (simulated.TotalSeconds / timeScale) + (counts.Rest.Count > 0 ? soak.TotalSeconds : 0);
        var derivation = $"(scan {scan.TotalSeconds:F0} s + snapshot {snapshot.TotalSeconds:F0} s (largest volume {counts.LargestVolumeGiB} GiB) "
            + $"+ canary wave {canary.TotalSeconds:F0} s + rest wave {rest.TotalSeconds:F0} s + rescan {scan.TotalSeconds:F0} s) simulated "
            + $"/ time scale {timeScale:F0} + soak {soak.TotalSeconds} s";
        return (seconds, derivation);
    }

    /// <summary>
    /// A patch wave: commands of 50 servers run side by side, each running at most half its servers at once
    /// (MaxConcurrency 50%), the next server starting as one ends; a server takes the install of its missing patches
    /// and, when it installed any, a reboot.
    /// </summary>
    private static TimeSpan Wave(IReadOnlyList<string> servers, IReadOnlyDictionary<string, int> missing, AwsDurationOptions d)
    {
        if (servers.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var longest = TimeSpan.Zero;
        foreach (var command in servers.Order(StringComparer.Ordinal).Chunk(50))
        {
            var slots = new PriorityQueue<TimeSpan, TimeSpan>();
            var concurrency = Math.Max(1, command.Length / 2);
            var end = TimeSpan.Zero;
            foreach (var server in command)
            {
                var patches = missing.GetValueOrDefault(server);
                var start = slots.Count < concurrency ? TimeSpan.Zero : slots.Dequeue();
                var finish = start + d.InvocationStart + d.InstallBase + (d.InstallPerPatch * patches) + (patches > 0 ? d.Reboot : TimeSpan.Zero);
                slots.Enqueue(finish, finish);
                end = finish > end ? finish : end;
            }

            longest = end > longest ? end : longest;
        }

        return d.CommandDispatch + longest;
    }
}

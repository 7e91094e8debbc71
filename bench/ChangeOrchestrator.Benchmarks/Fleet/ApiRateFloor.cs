using System.Globalization;
using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Aws.Throttling;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// What the account's API rates add to the fleet time on the change's way, in simulated seconds: no engine can make
/// the fewest calls a stage needs faster than the operation's bucket allows, (calls − burst) ÷ rate. A stage's floor is
/// its slowest operation's. The fleet time leaves the calls out; at AWS's own rates reading 10,000 servers' missing
/// patches one server a call takes minutes, longer than the scan itself.
/// </summary>
internal static class ApiRateFloor
{
    private static readonly AwsRateLimitOptions Rates = new();

    public static (TimeSpan Added, string Derivation) Derive(StepCounts c, AwsDurationOptions d)
    {
        var verified = c.Canary.Count + c.Rest.Count;
        var scanPatchReads = c.Missing.Values.Sum(m => Math.Max(1, ApiCallMinimum.Batches(m, ApiCallMinimum.PatchesPerPage)));
        var stages = new (string Stage, double Seconds)[]
        {
            ("resolve", Floor("SSM", "DescribeInstanceInformation", ApiCallMinimum.Batches(c.Listed, ApiCallMinimum.NodesPerPage))),
            ("scan", Math.Max(Floor("SSM", "SendCommand", ApiCallMinimum.Batches(c.Scanned, ApiCallMinimum.InstancesPerCommand)), Floor("SSM", "DescribeInstancePatches", scanPatchReads))),
            ("agent checks", Floor("SSM", "DescribeInstanceInformation", ApiCallMinimum.Batches(c.Resolved, ApiCallMinimum.NodesPerPage)) + Floor("SSM", "DescribeInstanceInformation", ApiCallMinimum.Batches(c.Checked, ApiCallMinimum.NodesPerPage))),
            ("snapshots", SnapshotsBeyondLargest(c, d)),
            ("canary wave", Floor("SSM", "SendCommand", ApiCallMinimum.Batches(c.Canary.Count, ApiCallMinimum.InstancesPerCommand))),
            ("rest wave", Floor("SSM", "SendCommand", ApiCallMinimum.Batches(c.Rest.Count, ApiCallMinimum.InstancesPerCommand))),
            ("rescan", Math.Max(Floor("SSM", "SendCommand", ApiCallMinimum.Batches(verified, ApiCallMinimum.InstancesPerCommand)), Floor("SSM", "DescribeInstancePatches", verified))),
        };
        var added = TimeSpan.FromSeconds(stages.Sum(s => s.Seconds));
        var derivation = string.Join(" + ", stages.Where(s => s.Seconds > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Seconds:F0} s")));
        return (added, derivation.Length == 0 ? "none" : derivation);
    }

    /// <summary>
    /// The snapshots end no earlier than the last one's creation plus the shortest snapshot (a volume's base time);
    /// the fleet time already counts the largest volume's, so only what comes after it is added.
    /// </summary>
    private static double SnapshotsBeyondLargest(StepCounts c, AwsDurationOptions d)
    {
        var lastCreated = Floor("EC2", "CreateSnapshots", c.SnapshotServers);
        var largest = (d.SnapshotBase + (d.SnapshotPerGiB * c.LargestVolumeGiB)).TotalSeconds;
        return c.SnapshotServers == 0 ? 0 : Math.Max(0, lastCreated + d.SnapshotBase.TotalSeconds - largest);
    }

    /// <summary>The least time <paramref name="calls"/> calls take through the operation's bucket, which starts full.</summary>
    private static double Floor(string service, string operation, int calls)
    {
        var rate = Rates.For(service, operation);
        return Math.Max(0, (calls - rate.Burst) / rate.PerSecond);
    }
}

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// The fewest AWS calls the API limits allow for what the change did, per operation: each read at its largest page
/// or batch, each status read once when the work is already done (no poll finds it still running), each idempotency
/// lookup at its batched form. Polls, per-server lookups and retries are what the actual count has beyond it.
/// </summary>
internal static class ApiCallMinimum
{
    /// <summary>DescribeInstanceInformation: at most 50 nodes per page, and 50 ids per InstanceIds filter.</summary>
    internal const int NodesPerPage = 50;

    /// <summary>SendCommand: at most 50 instance ids; ListCommandInvocations: at most 50 invocations per page.</summary>
    internal const int InstancesPerCommand = 50;

    /// <summary>DescribeInstances: at most 200 values per filter (instance-id), 1,000 instances per page.</summary>
    private const int Ec2IdsPerCall = 200;

    private const int Ec2InstancesPerPage = 1000;

    /// <summary>DescribeInstancePatchStates: at most 50 instance ids.</summary>
    private const int StatesPerCall = 50;

    /// <summary>DescribeInstancePatches: one server per call, at most 100 patches per page.</summary>
    internal const int PatchesPerPage = 100;

    /// <summary>DescribeVolumes: at most 500 volumes per page.</summary>
    private const int VolumesPerPage = 500;

    /// <summary>DescribeSnapshots: at most 1,000 snapshots per page when filtered by tag.</summary>
    private const int SnapshotsPerPage = 1000;

    public static IReadOnlyList<OperationMinimum> Derive(StepCounts c)
    {
        var scanCommands = Batches(c.Scanned, InstancesPerCommand);
        var patchCommands = Batches(c.Canary.Count, InstancesPerCommand) + Batches(c.Rest.Count, InstancesPerCommand);
        var verified = c.Canary.Count + c.Rest.Count;
        var verifyCommands = Batches(verified, InstancesPerCommand);
        var commands = scanCommands + patchCommands + verifyCommands;
        // Chosen by group, the servers are read by tag filter, a page at a time, and a hybrid node's tags are the ones
        // the filter proved; named by id, each id is looked up, and a hybrid node's tags take a call of their own.
        var ec2Resolve = c.ByIds ? Batches(c.ListedEc2, Ec2IdsPerCall) : Batches(c.ListedEc2, Ec2InstancesPerPage);
        var tagReads = c.ByIds ? c.ListedHybrid : 0;
        return
        [
            new("SSM.DescribeInstanceInformation", Batches(c.Listed, NodesPerPage) + Batches(c.Resolved, NodesPerPage) + Batches(c.Checked, NodesPerPage),
                $"⌈{(c.ByIds ? "listed" : "Prod managed nodes")} {c.Listed}/50⌉ to resolve + ⌈resolved {c.Resolved}/50⌉ for the agent check + ⌈{c.Checked}/50⌉ for the check before patching"),
            new("EC2.DescribeInstances", ec2Resolve + Batches(c.SnapshotServers, Ec2IdsPerCall),
                c.ByIds
                    ? $"⌈{c.ListedEc2} EC2 ids/200⌉ to resolve + ⌈{c.SnapshotServers}/200⌉ for the root volumes of the servers snapshotted"
                    : $"⌈{c.ListedEc2} Prod EC2 instances/1,000 per page⌉ to resolve + ⌈{c.SnapshotServers}/200⌉ for the root volumes of the servers snapshotted"),
            new("SSM.ListTagsForResource", tagReads,
                c.ByIds
                    ? $"{c.ListedHybrid}: one per hybrid node, SSM has no call that returns several nodes' tags"
                    : $"0: chosen by group, the {c.ListedHybrid} hybrid nodes carry the tags their filter proved"),
            new("SSM.SendCommand", commands,
                $"⌈{c.Scanned}/50⌉ scan + ⌈{c.Canary.Count}/50⌉ canary + ⌈{c.Rest.Count}/50⌉ rest + ⌈{verified}/50⌉ rescan"),
            new("SSM.ListCommands", commands,
                $"{commands}: the idempotency lookup before each command (ListCommands cannot filter by the mark, one per command)"),
            new("SSM.ListCommandInvocations", commands,
                $"{commands}: each command's ≤ 50 invocations read once, after they ended"),
            new("SSM.DescribeInstancePatchStates", Batches(c.Missing.Count, StatesPerCall) + Batches(verified, StatesPerCall),
                $"⌈{c.Missing.Count}/50⌉ after the scan + ⌈{verified}/50⌉ after the rescan"),
            new("SSM.DescribeInstancePatches", c.Missing.Values.Sum(m => Math.Max(1, Batches(m, PatchesPerPage))) + verified,
                $"one per scanned server (pages of 100 patches: {c.Missing.Values.Sum(m => Math.Max(1, Batches(m, PatchesPerPage)))} for {c.Missing.Count} servers) + one per rescanned server ({verified})"),
            new("EC2.DescribeVolumes", Math.Max(Batches(c.SnapshotServers, Ec2IdsPerCall), Batches(c.Volumes, VolumesPerPage)),
                $"⌈{c.SnapshotServers} servers snapshotted/200 per filter⌉ (at least ⌈{c.Volumes} volumes/500 per page⌉): their sizes, so the largest volumes start first"),
            new("EC2.CreateSnapshots", c.SnapshotServers, $"{c.SnapshotServers}: one per EC2 server, all its volumes in one crash-consistent set"),
            new("EC2.DescribeSnapshots", 1 + Batches(c.Volumes, SnapshotsPerPage),
                $"1 lookup of the change's snapshots by tag + ⌈{c.Volumes} volumes/1,000⌉ to read them completed"),
        ];
    }

    internal static int Batches(int items, int perCall) => (items + perCall - 1) / perCall;
}

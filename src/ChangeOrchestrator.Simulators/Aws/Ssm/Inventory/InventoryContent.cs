using System.Globalization;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Inventory;

/// <summary>The inventory types the simulator collects: AWS:InstanceInformation and AWS:PatchSummary.</summary>
internal static class InventoryContent
{
    public const string InstanceInformation = "AWS:InstanceInformation";
    public const string PatchSummary = "AWS:PatchSummary";

    public static IReadOnlyList<string> TypeNames { get; } = [InstanceInformation, PatchSummary];

    /// <summary>The node's content for a type, or null when it has none (never scanned, for patch summaries).</summary>
    public static Dictionary<string, string>? For(string typeName, FleetNode node, AwsWorld world) => typeName switch
    {
        InstanceInformation => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AgentType"] = "amazon-ssm-agent",
            ["AgentVersion"] = node.AgentVersion,
            ["ComputerName"] = node.ComputerName,
            ["InstanceId"] = node.InstanceId,
            ["InstanceStatus"] = node.Ec2?.State is "stopped" ? "Stopped" : node.IsOnline(world.Now) ? "Active" : "ConnectionLost",
            ["IpAddress"] = node.IpAddress,
            ["PlatformName"] = node.Os.PlatformName,
            ["PlatformType"] = node.Os.PlatformType,
            ["PlatformVersion"] = node.Os.PlatformVersion,
            ["ResourceType"] = node.IsHybrid ? "ManagedInstance" : "EC2Instance",
        },
        PatchSummary when world.Compliance.ReportFor(node) is { } report => Summary(report),
        _ => null,
    };

    private static Dictionary<string, string> Summary(PatchComplianceReport report) => new(StringComparer.Ordinal)
    {
        ["PatchGroup"] = report.PatchGroup,
        ["BaselineId"] = report.BaselineId,
        ["SnapshotId"] = report.SnapshotId,
        ["OperationType"] = report.Operation,
        ["OperationStartTime"] = SsmJson.Iso(report.StartTime),
        ["OperationEndTime"] = SsmJson.Iso(report.EndTime),
        ["RebootOption"] = report.RebootOption ?? "",
        ["InstalledCount"] = Count(report, PatchStates.Installed),
        ["InstalledOtherCount"] = Count(report, PatchStates.InstalledOther),
        ["InstalledPendingRebootCount"] = Count(report, PatchStates.InstalledPendingReboot),
        ["InstalledRejectedCount"] = Count(report, PatchStates.InstalledRejected),
        ["MissingCount"] = Count(report, PatchStates.Missing),
        ["FailedCount"] = Count(report, PatchStates.Failed),
        ["NotApplicableCount"] = Count(report, PatchStates.NotApplicable),
    };

    private static string Count(PatchComplianceReport report, string state) => report.Count(state).ToString(CultureInfo.InvariantCulture);
}

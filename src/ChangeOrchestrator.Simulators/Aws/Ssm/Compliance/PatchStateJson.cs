using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

internal static class PatchStateJson
{
    public static JsonObject State(FleetNode node, PatchComplianceReport report)
    {
        var json = new JsonObject
        {
            ["InstanceId"] = node.InstanceId,
            ["PatchGroup"] = report.PatchGroup,
            ["BaselineId"] = report.BaselineId,
            ["SnapshotId"] = report.SnapshotId,
            ["InstallOverrideList"] = report.InstallOverrideList,
            ["OwnerInformation"] = "",
            ["InstalledCount"] = report.Count(PatchStates.Installed),
            ["InstalledOtherCount"] = report.Count(PatchStates.InstalledOther),
            ["InstalledPendingRebootCount"] = report.Count(PatchStates.InstalledPendingReboot),
            ["InstalledRejectedCount"] = report.Count(PatchStates.InstalledRejected),
            ["MissingCount"] = report.Count(PatchStates.Missing),
            ["FailedCount"] = report.Count(PatchStates.Failed),
            ["UnreportedNotApplicableCount"] = 0,
            ["NotApplicableCount"] = report.Count(PatchStates.NotApplicable),
            ["AvailableSecurityUpdateCount"] = 0,
            ["OperationStartTime"] = SsmJson.Epoch(report.StartTime),
            ["OperationEndTime"] = SsmJson.Epoch(report.EndTime),
            ["Operation"] = report.Operation,
            ["CriticalNonCompliantCount"] = report.CriticalNonCompliantCount,
            ["SecurityNonCompliantCount"] = report.SecurityNonCompliantCount,
            ["OtherNonCompliantCount"] = report.OtherNonCompliantCount,
        };
        if (report.LastNoRebootInstallOperationTime is { } noReboot)
        {
            json["LastNoRebootInstallOperationTime"] = SsmJson.Epoch(noReboot);
        }

        if (report.RebootOption is { } reboot)
        {
            json["RebootOption"] = reboot;
        }

        return json;
    }

    public static JsonObject Patch(PatchComplianceRow row)
    {
        var json = new JsonObject
        {
            ["Title"] = row.Patch.Title,
            ["KBId"] = row.Patch.KbId,
            ["Classification"] = row.Patch.Classification,
            ["Severity"] = row.Patch.Severity,
            ["State"] = row.State,
            ["InstalledTime"] = row.InstalledTime is { } installed ? SsmJson.Epoch(installed) : JsonValue.Create(0.0),
        };
        if (row.State is PatchStates.Missing or PatchStates.Failed && row.Patch.CveIds.Count > 0)
        {
            json["CVEIds"] = row.Patch.CveIdsText;
        }

        return json;
    }
}

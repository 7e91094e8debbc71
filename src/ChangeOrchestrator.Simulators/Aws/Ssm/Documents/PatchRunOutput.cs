using System.Globalization;
using System.Text;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

/// <summary>The human summary AWS-RunPatchBaseline prints at the end of a run.</summary>
internal static class PatchRunOutput
{
    public static string Summary(
        FleetNode node, PatchComplianceReport report, IReadOnlyList<PatchDefinition> installed, IReadOnlyList<PatchDefinition> failed)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Patch Summary for {node.InstanceId}\n");
        Line(text, "PatchGroup", report.PatchGroup);
        Line(text, "BaselineId", report.BaselineId);
        Line(text, "SnapshotId", report.SnapshotId);
        Line(text, "RebootOption", report.RebootOption ?? "");
        Line(text, "OwnerInformation", "");
        Line(text, "OperationType", report.Operation);
        Line(text, "OperationStartTime", SsmJson.Iso(report.StartTime));
        Line(text, "OperationEndTime", SsmJson.Iso(report.EndTime));
        foreach (var state in new[] { "Installed", "InstalledRejected", "InstalledPendingReboot", "InstalledOther", "Failed", "Missing", "NotApplicable" })
        {
            Line(text, state + "Count", report.Count(state).ToString(CultureInfo.InvariantCulture));
        }

        List(text, "Installed in this run", installed);
        List(text, "Failed in this run", failed);
        if (report.Operation == "Scan")
        {
            List(text, "Missing", [.. report.Rows.Where(r => r.State == PatchStates.Missing).Select(r => r.Patch)]);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, string value) =>
        text.Append(CultureInfo.InvariantCulture, $"{name,-28}: {value}\n");

    private static void List(StringBuilder text, string title, IReadOnlyList<PatchDefinition> patches)
    {
        if (patches.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{title}:\n");
        foreach (var patch in patches)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {patch.KbId}  {patch.Title}  [{patch.Classification}/{patch.Severity}]\n");
        }
    }
}

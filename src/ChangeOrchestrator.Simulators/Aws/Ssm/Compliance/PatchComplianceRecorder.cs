using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;
using ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>Keeps each server's last patch compliance report, creating the pre-simulation one on first read.</summary>
internal sealed class PatchComplianceRecorder(PatchBaselineStore baselines)
{
    public PatchComplianceReport? ReportFor(FleetNode node)
    {
        if (!node.ReportInitialized)
        {
            node.ReportInitialized = true;
            if (node.IsManaged && node.InitialScanAt is { } scannedAt)
            {
                var snapshotId = new AwsIds(new Random(node.PatchSeed)).Guid();
                node.Report = Build(node, new PatchRunContext("Scan", scannedAt.AddSeconds(-90), scannedAt, snapshotId, null, ""));
            }
        }

        return node.Report;
    }

    public PatchComplianceReport Build(FleetNode node, PatchRunContext run)
    {
        var baseline = baselines.ForNode(node);
        var previous = node.ReportInitialized ? node.Report : null;
        return new PatchComplianceReport(PatchComplianceEvaluator.Evaluate(node, baseline, run.StartTime))
        {
            Operation = run.Operation,
            StartTime = run.StartTime,
            EndTime = run.EndTime,
            BaselineId = baseline.ShortId,
            PatchGroup = node.PatchGroup ?? "",
            SnapshotId = run.SnapshotId,
            RebootOption = run.RebootOption,
            InstallOverrideList = run.InstallOverrideList,
            LastNoRebootInstallOperationTime = run.NoRebootInstallTime ?? previous?.LastNoRebootInstallOperationTime,
        };
    }

    public void Write(FleetNode node, PatchComplianceReport report)
    {
        node.ReportInitialized = true;
        node.Report = report;
    }
}

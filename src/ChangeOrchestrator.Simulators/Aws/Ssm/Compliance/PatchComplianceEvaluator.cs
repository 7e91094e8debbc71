using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;
using ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>
/// Turns what is installed on a server into what Patch Manager reports against a baseline: unapproved updates
/// that are absent are not reported, approved ones are Missing (or Failed after a failed install), and an older
/// cumulative update is superseded by the newest approved one of its series.
/// </summary>
internal static class PatchComplianceEvaluator
{
    public static IReadOnlyList<PatchComplianceRow> Evaluate(FleetNode node, PatchBaseline baseline, DateTimeOffset at)
    {
        var truth = node.Patches;
        var patches = truth.Catalog.Patches;
        var approvals = new PatchApproval[patches.Count];
        var newestInSeries = new Dictionary<string, PatchDefinition>(StringComparer.Ordinal);
        foreach (var patch in patches)
        {
            var approval = approvals[patch.Index] = PatchApprover.Evaluate(baseline, node.Os, patch, at);
            if (patch.Series is { } series && approval.Approved && IsAbsent(truth[patch.Index])
                && (!newestInSeries.TryGetValue(series, out var newest) || newest.ReleaseDate < patch.ReleaseDate))
            {
                newestInSeries[series] = patch;
            }
        }

        var rows = new List<PatchComplianceRow>(patches.Count);
        foreach (var patch in patches)
        {
            var approval = approvals[patch.Index];
            var condition = truth[patch.Index];
            var state = condition switch
            {
                PatchCondition.NotApplicable => node.Os.IsWindows ? PatchStates.NotApplicable : null,
                PatchCondition.InstalledPendingReboot => PatchStates.InstalledPendingReboot,
                PatchCondition.Installed => approval.Rejected ? PatchStates.InstalledRejected
                    : approval.Approved ? PatchStates.Installed
                    : PatchStates.InstalledOther,
                _ when !approval.Approved => null,
                _ when patch.Series is { } series && newestInSeries[series] != patch => null,
                PatchCondition.Failed => PatchStates.Failed,
                _ => PatchStates.Missing,
            };
            if (state is not null)
            {
                var installed = condition is PatchCondition.Installed or PatchCondition.InstalledPendingReboot ? truth.InstalledAt(patch.Index) : null;
                rows.Add(new PatchComplianceRow(patch, state, installed, approval.ComplianceLevel));
            }
        }

        return rows;
    }

    /// <summary>What an Install would apply now: every approved update the report would call Missing or Failed.</summary>
    public static IReadOnlyList<PatchDefinition> InstallCandidates(FleetNode node, PatchBaseline baseline, DateTimeOffset at) =>
        [.. Evaluate(node, baseline, at).Where(row => row.State is PatchStates.Missing or PatchStates.Failed).Select(row => row.Patch)];

    private static bool IsAbsent(PatchCondition condition) => condition is PatchCondition.NotInstalled or PatchCondition.Failed;
}

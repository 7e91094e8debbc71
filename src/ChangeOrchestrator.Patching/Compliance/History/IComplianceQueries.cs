using ChangeOrchestrator.Patching.Compliance.Slas;

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>
/// What the compliance dashboard and its API read from the history. Lists are keyset pages or streams, and the
/// figures over many rows (SLA counts, mean time to remediate, top missing patches) are computed by the database, so
/// a read costs what it answers, not the size of the fleet's history.
/// </summary>
public interface IComplianceQueries
{
    /// <summary>Daily rollups per patch group from <paramref name="from"/> (inclusive) on.</summary>
    Task<IReadOnlyList<ComplianceTrendPoint>> TrendAsync(ComplianceFilter filter, DateOnly from, CancellationToken cancellationToken);

    /// <summary>
    /// Servers at their last scan (only non-compliant ones when <paramref name="nonCompliantOnly"/>), critical
    /// non-compliant and pending reboots first, after <paramref name="after"/>; at most <paramref name="limit"/> when given.
    /// </summary>
    IAsyncEnumerable<ServerComplianceState> ServersAsync(ComplianceFilter filter, bool nonCompliantOnly, ServerListKey? after, int? limit, CancellationToken cancellationToken);

    /// <summary>How many servers <see cref="ServersAsync"/> lists in all.</summary>
    Task<int> CountServersAsync(ComplianceFilter filter, bool nonCompliantOnly, CancellationToken cancellationToken);

    /// <summary>The values the filters offer: those the recorded servers carry.</summary>
    Task<ComplianceFilterChoices> FilterChoicesAsync(CancellationToken cancellationToken);

    /// <summary>Patches still missing, each on one server.</summary>
    Task<IReadOnlyList<PatchFinding>> OpenFindingsAsync(ComplianceFilter filter, CancellationToken cancellationToken);

    /// <summary>Open findings per severity and SLA status under <paramref name="rules"/>.</summary>
    Task<IReadOnlyList<SlaCount>> SlaCountsAsync(ComplianceFilter filter, SlaRules rules, CancellationToken cancellationToken);

    /// <summary>
    /// Open findings whose SLA status under <paramref name="rules"/> is one of <paramref name="statuses"/> (every
    /// status when empty), by due date, after <paramref name="after"/>; at most <paramref name="limit"/> when given.
    /// </summary>
    IAsyncEnumerable<PatchFinding> SlaFindingsAsync(
        ComplianceFilter filter, SlaRules rules, IReadOnlyCollection<SlaStatus> statuses, SlaListKey? after, int? limit, CancellationToken cancellationToken);

    /// <summary>The patches missing on the most servers, with their CVEs and servers.</summary>
    Task<IReadOnlyList<TopMissingPatch>> TopMissingPatchesAsync(ComplianceFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>Findings remediated since <paramref name="since"/>, one by one.</summary>
    Task<IReadOnlyList<PatchFinding>> RemediatedFindingsAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Mean time to remediate per severity of the findings remediated since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RemediationTime>> MeanTimeToRemediateAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The recorded scans of one server since <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<ServerScanSummary>> ServerHistoryAsync(string serverId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Patch changes closed since <paramref name="since"/>, per week, desk and patch group.</summary>
    Task<IReadOnlyList<ChangeSuccessRow>> ChangeSuccessAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken);
}

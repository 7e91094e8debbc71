namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>What the compliance dashboard and its API read from the history.</summary>
public interface IComplianceQueries
{
    /// <summary>Daily rollups per patch group from <paramref name="from"/> (inclusive) on.</summary>
    Task<IReadOnlyList<ComplianceTrendPoint>> TrendAsync(ComplianceFilter filter, DateOnly from, CancellationToken cancellationToken);

    /// <summary>Servers at their last scan; only non-compliant ones when <paramref name="nonCompliantOnly"/>.</summary>
    Task<IReadOnlyList<ServerComplianceState>> ServersAsync(ComplianceFilter filter, bool nonCompliantOnly, CancellationToken cancellationToken);

    /// <summary>Patches still missing, each on one server.</summary>
    Task<IReadOnlyList<PatchFinding>> OpenFindingsAsync(ComplianceFilter filter, CancellationToken cancellationToken);

    /// <summary>Findings remediated since <paramref name="since"/>, for the mean time to remediate.</summary>
    Task<IReadOnlyList<PatchFinding>> RemediatedFindingsAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The recorded scans of one server since <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<ServerScanSummary>> ServerHistoryAsync(string serverId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Patch changes closed since <paramref name="since"/>, per week, desk and patch group.</summary>
    Task<IReadOnlyList<ChangeSuccessRow>> ChangeSuccessAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken);
}

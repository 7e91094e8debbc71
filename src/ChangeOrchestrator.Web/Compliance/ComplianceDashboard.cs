using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Web.Compliance;

/// <summary>
/// The compliance pages' reads, through the same queries, policy and SLA evaluation as <c>/api/compliance</c>, so a
/// page and its CSV export (the API's) show the same rows.
/// </summary>
public sealed class ComplianceDashboard(IComplianceQueries queries, PatchPolicyHolder policy, IOptions<ComplianceHistoryOptions> options, TimeProvider time)
{
    /// <summary>Top missing patches shown, as the API's default.</summary>
    public const int TopPatchCount = 20;

    /// <summary>The look-back of the remediation and change success tables, as the API's default.</summary>
    public const int LookBackDays = 90;

    public async Task<ComplianceView> ReadAsync(ComplianceFilter filter, int trendDays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - trendDays);
        var trend = await queries.TrendAsync(filter, from, cancellationToken);
        var servers = await queries.ServersAsync(filter, nonCompliantOnly: true, cancellationToken);
        var findings = await queries.OpenFindingsAsync(filter, cancellationToken);
        var remediated = await queries.RemediatedFindingsAsync(filter, now.AddDays(-LookBackDays), cancellationToken);
        var changes = await queries.ChangeSuccessAsync(filter, now.AddDays(-LookBackDays), cancellationToken);
        var sla = SlaEvaluator.Evaluate(findings, policy.Current, now, options.Value.DueSoonDays);
        return new ComplianceView
        {
            Trend = trend,
            Servers = [.. servers.OrderByDescending(s => s.Counts.CriticalNonCompliant).ThenByDescending(s => s.Counts.InstalledPendingReboot).ThenBy(s => s.ServerId, StringComparer.Ordinal)],
            Sla = [.. sla.Where(f => f.Status is SlaStatus.Breached or SlaStatus.DueSoon or SlaStatus.Excepted)],
            TopPatches = Top(findings),
            Remediation = SlaEvaluator.MeanTimeToRemediate(remediated),
            Changes = [.. changes.OrderByDescending(c => c.Week).ThenBy(c => c.Desk, StringComparer.Ordinal).ThenBy(c => c.PatchGroup, StringComparer.Ordinal)],
        };
    }

    /// <summary>The values the filters offer, from every recorded server.</summary>
    public async Task<ComplianceFilterChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var servers = await queries.ServersAsync(ComplianceFilter.All, nonCompliantOnly: false, cancellationToken);
        return new ComplianceFilterChoices(Distinct(servers.Select(s => s.PatchGroup)), Distinct(servers.Select(s => s.Environment)), Distinct(servers.Select(s => s.OperatingSystem)));
    }

    public Task<IReadOnlyList<ServerScanSummary>> HistoryAsync(string serverId, int days, CancellationToken cancellationToken) =>
        queries.ServerHistoryAsync(serverId, time.GetUtcNow().AddDays(-days), cancellationToken);

    private static List<TopMissingPatch> Top(IReadOnlyList<PatchFinding> findings) =>
    [
        .. findings
            .GroupBy(f => f.PatchId, StringComparer.Ordinal)
            .Select(g => new TopMissingPatch
            {
                PatchId = g.Key,
                Title = g.First().Title,
                Severity = g.First().Severity,
                Classification = g.First().Classification,
                Cves = [.. g.SelectMany(f => f.CveIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Servers = [.. g.Select(f => f.ServerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            })
            .OrderByDescending(p => p.Servers.Count)
            .ThenBy(p => p.PatchId, StringComparer.Ordinal)
            .Take(TopPatchCount),
    ];

    private static List<string> Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

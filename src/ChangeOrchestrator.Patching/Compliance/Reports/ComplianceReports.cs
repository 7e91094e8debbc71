using System.Runtime.CompilerServices;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Patching.Compliance.Reports;

/// <summary>
/// The compliance dashboard's tables, read once for both the API (<c>/api/compliance</c>, JSON and CSV) and the
/// console's pages: the same queries, policy, SLA rules and clock, so a page, its API answer and its CSV hold the same
/// rows. Lists come a keyset page at a time (or streamed whole, for CSV); the periods count back from now.
/// </summary>
public sealed class ComplianceReports(IComplianceQueries queries, PatchPolicyHolder policy, IOptions<ComplianceHistoryOptions> options, TimeProvider time)
{
    /// <summary>Rows of a page when the caller does not say.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The most rows one page may hold.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The top missing patches shown when the caller does not say.</summary>
    public const int DefaultTopPatches = 20;

    /// <summary>The look-back of the remediation and change success tables when the caller does not say.</summary>
    public const int DefaultLookBackDays = 90;

    public Task<IReadOnlyList<ComplianceTrendPoint>> TrendAsync(ComplianceFilter filter, int days, CancellationToken cancellationToken) =>
        queries.TrendAsync(filter, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - days), cancellationToken);

    public async Task<CompliancePage<ServerComplianceState>> ServersAsync(
        ComplianceFilter filter, bool nonCompliantOnly, int limit, ServerListKey? after, CancellationToken cancellationToken)
    {
        var rows = await ToListAsync(queries.ServersAsync(filter, nonCompliantOnly, after, limit + 1, cancellationToken), cancellationToken);
        var total = await queries.CountServersAsync(filter, nonCompliantOnly, cancellationToken);
        return rows.Count > limit
            ? new CompliancePage<ServerComplianceState>(rows[..limit], total, ServerListKey.Of(rows[limit - 1]).ToToken())
            : new CompliancePage<ServerComplianceState>(rows, total, null);
    }

    /// <summary>Every server of the list, read as it is written out.</summary>
    public IAsyncEnumerable<ServerComplianceState> AllServersAsync(ComplianceFilter filter, bool nonCompliantOnly, CancellationToken cancellationToken) =>
        queries.ServersAsync(filter, nonCompliantOnly, after: null, limit: null, cancellationToken);

    public async Task<SlaPage> SlaAsync(
        ComplianceFilter filter, IReadOnlyCollection<SlaStatus> statuses, int limit, SlaListKey? after, CancellationToken cancellationToken)
    {
        var rules = Rules();
        var counts = await queries.SlaCountsAsync(filter, rules, cancellationToken);
        var rows = await ToListAsync(queries.SlaFindingsAsync(filter, rules, statuses, after, limit + 1, cancellationToken), cancellationToken);
        var judged = rows.Take(limit).Select(f => SlaEvaluator.Judge(f, rules)).ToList();
        var total = counts.Where(c => statuses.Count == 0 || statuses.Contains(c.Status)).Sum(c => c.Count);
        return new SlaPage(judged, total, rows.Count > limit ? SlaListKey.Of(judged[^1]).ToToken() : null, counts);
    }

    /// <summary>Every open finding of the statuses (all when empty), judged, read as it is written out.</summary>
    public async IAsyncEnumerable<SlaFinding> AllSlaAsync(
        ComplianceFilter filter, IReadOnlyCollection<SlaStatus> statuses, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rules = Rules();
        await foreach (var finding in queries.SlaFindingsAsync(filter, rules, statuses, after: null, limit: null, cancellationToken))
        {
            yield return SlaEvaluator.Judge(finding, rules);
        }
    }

    public Task<IReadOnlyList<TopMissingPatch>> TopPatchesAsync(ComplianceFilter filter, int limit, CancellationToken cancellationToken) =>
        queries.TopMissingPatchesAsync(filter, limit, cancellationToken);

    public Task<IReadOnlyList<RemediationTime>> RemediationAsync(ComplianceFilter filter, int days, CancellationToken cancellationToken) =>
        queries.MeanTimeToRemediateAsync(filter, time.GetUtcNow().AddDays(-days), cancellationToken);

    public Task<IReadOnlyList<ServerScanSummary>> HistoryAsync(string serverId, int days, CancellationToken cancellationToken) =>
        queries.ServerHistoryAsync(serverId, time.GetUtcNow().AddDays(-days), cancellationToken);

    public Task<IReadOnlyList<ChangeSuccessRow>> ChangesAsync(ComplianceFilter filter, int days, CancellationToken cancellationToken) =>
        queries.ChangeSuccessAsync(filter, time.GetUtcNow().AddDays(-days), cancellationToken);

    public Task<ComplianceFilterChoices> ChoicesAsync(CancellationToken cancellationToken) => queries.FilterChoicesAsync(cancellationToken);

    private SlaRules Rules() => SlaRules.From(policy.Current, time.GetUtcNow(), options.Value.DueSoonDays);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }
}

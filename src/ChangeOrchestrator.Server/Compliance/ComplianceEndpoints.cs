using System.Globalization;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Reports;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Server.Compliance.Rows;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>
/// The compliance dashboard's data (Viewer), each table also as CSV with <c>?format=csv</c>; every table takes the
/// filters <c>group</c>, <c>environment</c> and <c>os</c>:
/// <c>GET /api/compliance/trend?days=30</c> (compliance % per patch group and day),
/// <c>/servers?nonCompliantOnly=true</c> (critical non-compliant servers and pending reboots first),
/// <c>/sla?status=Breached</c> (missing patches against the policy's SLAs, exceptions shown, with counts per severity
/// and status). The two lists are keyset pages (<c>limit</c>, <c>after</c>= the previous page's <c>next</c>) with
/// their <c>total</c>; their CSV holds every row, streamed. The others:
/// <c>/remediation?days=90</c> (mean time to remediate per severity),
/// <c>/top-patches?limit=20</c> (most missed patches with their CVEs and servers),
/// <c>/servers/{id}/history?days=90</c> and <c>/changes?days=90</c> (change success per week, desk and group).
/// </summary>
internal static class ComplianceEndpoints
{
    private const int MaxTop = 500;

    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/compliance").WithTags("Compliance").RequireAuthorization(Roles.Viewer);
        group.MapGet("/trend", TrendAsync);
        group.MapGet("/servers", ServersAsync);
        group.MapGet("/servers/{id}/history", HistoryAsync);
        group.MapGet("/sla", SlaAsync);
        group.MapGet("/remediation", RemediationAsync);
        group.MapGet("/top-patches", TopPatchesAsync);
        group.MapGet("/changes", ChangesAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<TrendRow>>, PushStreamHttpResult, ValidationProblem>> TrendAsync([AsParameters] ComplianceQuery query, ComplianceReports reports, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var points = await reports.TrendAsync(query.Filter, query.Days ?? 30, cancellationToken);
        return query.Answer(
            [
                .. points.Select(p => new TrendRow
                {
                    Day = Day(p.Day), PatchGroup = p.PatchGroup, Servers = p.Servers, Compliant = p.Compliant, CompliancePercent = p.CompliancePercent,
                    CriticalNonCompliant = p.CriticalNonCompliant, PendingReboot = p.PendingReboot, MissingPatches = p.MissingPatches,
                }),
            ],
            "compliance-trend",
            cancellationToken);
    }

    private static async Task<Results<Ok<CompliancePageResponse<ServerRow>>, PushStreamHttpResult, ValidationProblem>> ServersAsync(
        [AsParameters] ComplianceQuery query, bool? nonCompliantOnly, ComplianceReports reports, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (query.PageProblem<ServerListKey>(ServerListKey.TryParse, out var after) is { } pageProblem)
        {
            return pageProblem;
        }

        if (query.IsCsv)
        {
            return CsvExport.Stream(reports.AllServersAsync(query.Filter, nonCompliantOnly ?? true, cancellationToken).Select(ServerRow.Of), "compliance-servers", cancellationToken);
        }

        var page = await reports.ServersAsync(query.Filter, nonCompliantOnly ?? true, query.PageSize, after, cancellationToken);
        return TypedResults.Ok(new CompliancePageResponse<ServerRow>([.. page.Items.Select(ServerRow.Of)], page.Total, page.Next));
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryRow>>, PushStreamHttpResult, ValidationProblem>> HistoryAsync(string id, [AsParameters] ComplianceQuery query, ComplianceReports reports, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (id.Length > 200)
        {
            return ApiProblems.Field("id", "must be at most 200 characters");
        }

        var scans = await reports.HistoryAsync(id, query.Days ?? 90, cancellationToken);
        return query.Answer(
            [
                .. scans.Select(s => new HistoryRow
                {
                    ScannedAt = s.ScannedAt, Operation = s.Operation, Source = s.Source, BaselineId = s.BaselineId, Compliant = s.Counts.IsCompliant,
                    Installed = s.Counts.Installed, InstalledPendingReboot = s.Counts.InstalledPendingReboot, Missing = s.Counts.Missing, Failed = s.Counts.Failed,
                    CriticalNonCompliant = s.Counts.CriticalNonCompliant, SecurityNonCompliant = s.Counts.SecurityNonCompliant,
                    MissingPatches = string.Join(' ', s.MissingPatchIds),
                }),
            ],
            "server-history-" + id,
            cancellationToken);
    }

    private static async Task<Results<Ok<SlaPageResponse>, PushStreamHttpResult, ValidationProblem>> SlaAsync(
        [AsParameters] ComplianceQuery query, SlaStatus? status, ComplianceReports reports, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (query.PageProblem<SlaListKey>(SlaListKey.TryParse, out var after) is { } pageProblem)
        {
            return pageProblem;
        }

        IReadOnlyCollection<SlaStatus> statuses = status is { } only ? [only] : [];
        if (query.IsCsv)
        {
            return CsvExport.Stream(reports.AllSlaAsync(query.Filter, statuses, cancellationToken).Select(SlaRow.Of), "sla", cancellationToken);
        }

        var page = await reports.SlaAsync(query.Filter, statuses, query.PageSize, after, cancellationToken);
        return TypedResults.Ok(new SlaPageResponse(
            [.. page.Items.Select(SlaRow.Of)], page.Total, page.Next, [.. page.Counts.Select(c => new SlaCountRow(c.Severity, c.Status.ToString(), c.Count))]));
    }

    private static async Task<Results<Ok<IReadOnlyList<RemediationRow>>, PushStreamHttpResult, ValidationProblem>> RemediationAsync([AsParameters] ComplianceQuery query, ComplianceReports reports, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var times = await reports.RemediationAsync(query.Filter, query.Days ?? ComplianceReports.DefaultLookBackDays, cancellationToken);
        return query.Answer([.. times.Select(r => new RemediationRow { Severity = r.Severity, Remediated = r.Remediated, MeanDays = r.MeanDays })], "remediation", cancellationToken);
    }

    private static async Task<Results<Ok<IReadOnlyList<TopPatchRow>>, PushStreamHttpResult, ValidationProblem>> TopPatchesAsync([AsParameters] ComplianceQuery query, ComplianceReports reports, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (query.Limit is < 1 or > MaxTop)
        {
            return ApiProblems.Field("limit", $"must be between 1 and {MaxTop}");
        }

        var top = await reports.TopPatchesAsync(query.Filter, query.Limit ?? ComplianceReports.DefaultTopPatches, cancellationToken);
        return query.Answer(
            [
                .. top.Select(p => new TopPatchRow
                {
                    PatchId = p.PatchId, Title = p.Title, Severity = p.Severity, Classification = p.Classification, Cves = string.Join(' ', p.Cves),
                    ServerCount = p.Servers.Count, Servers = string.Join(' ', p.Servers),
                }),
            ],
            "top-missing-patches",
            cancellationToken);
    }

    private static async Task<Results<Ok<IReadOnlyList<ChangeRow>>, PushStreamHttpResult, ValidationProblem>> ChangesAsync([AsParameters] ComplianceQuery query, ComplianceReports reports, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var rows = await reports.ChangesAsync(query.Filter, query.Days ?? ComplianceReports.DefaultLookBackDays, cancellationToken);
        return query.Answer(
            [
                .. rows.Select(r => new ChangeRow
                {
                    Week = Day(r.Week), Desk = r.Desk, PatchGroup = r.PatchGroup, Total = r.Total, Successful = r.Successful,
                    SuccessfulWithIssues = r.SuccessfulWithIssues, Unsuccessful = r.Unsuccessful, SuccessPercent = r.SuccessPercent,
                    RolledBackServers = r.RolledBackServers, MedianDurationMinutes = r.MedianDurationMinutes,
                }),
            ],
            "change-success",
            cancellationToken);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

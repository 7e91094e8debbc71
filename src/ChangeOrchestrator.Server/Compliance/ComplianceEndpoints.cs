using System.Globalization;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Server.Compliance.Rows;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>
/// The compliance dashboard's data (Viewer), each table also as CSV with <c>?format=csv</c>; every table takes the
/// filters <c>group</c>, <c>environment</c> and <c>os</c>:
/// <c>GET /api/compliance/trend?days=30</c> (compliance % per patch group and day),
/// <c>/servers?nonCompliantOnly=true</c> (critical non-compliant servers and pending reboots first),
/// <c>/sla?status=Breached</c> (missing patches against the policy's SLAs, exceptions shown),
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

    private static async Task<Results<Ok<IReadOnlyList<TrendRow>>, FileContentHttpResult, ValidationProblem>> TrendAsync([AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var from = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - (query.Days ?? 30));
        var points = await queries.TrendAsync(query.Filter, from, cancellationToken);
        return query.Answer(
            [
                .. points.Select(p => new TrendRow
                {
                    Day = Day(p.Day), PatchGroup = p.PatchGroup, Servers = p.Servers, Compliant = p.Compliant, CompliancePercent = p.CompliancePercent,
                    CriticalNonCompliant = p.CriticalNonCompliant, PendingReboot = p.PendingReboot, MissingPatches = p.MissingPatches,
                }),
            ],
            "compliance-trend");
    }

    private static async Task<Results<Ok<IReadOnlyList<ServerRow>>, FileContentHttpResult, ValidationProblem>> ServersAsync([AsParameters] ComplianceQuery query, bool? nonCompliantOnly, IComplianceQueries queries, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var servers = await queries.ServersAsync(query.Filter, nonCompliantOnly ?? true, cancellationToken);
        return query.Answer(
            [
                .. servers.Select(s => new ServerRow
                {
                    ServerId = s.ServerId, PatchGroup = s.PatchGroup, Environment = s.Environment, OperatingSystem = s.OperatingSystem, BaselineId = s.BaselineId,
                    Operation = s.Operation, ScannedAt = s.ScannedAt, Compliant = s.IsCompliant, Installed = s.Counts.Installed, InstalledOther = s.Counts.InstalledOther,
                    InstalledPendingReboot = s.Counts.InstalledPendingReboot, InstalledRejected = s.Counts.InstalledRejected, Missing = s.Counts.Missing,
                    Failed = s.Counts.Failed, NotApplicable = s.Counts.NotApplicable, CriticalNonCompliant = s.Counts.CriticalNonCompliant,
                    SecurityNonCompliant = s.Counts.SecurityNonCompliant, OtherNonCompliant = s.Counts.OtherNonCompliant,
                }),
            ],
            "compliance-servers");
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryRow>>, FileContentHttpResult, ValidationProblem>> HistoryAsync(string id, [AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (id.Length > 200)
        {
            return ApiProblems.Field("id", "must be at most 200 characters");
        }

        var scans = await queries.ServerHistoryAsync(id, time.GetUtcNow().AddDays(-(query.Days ?? 90)), cancellationToken);
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
            "server-history-" + id);
    }

    private static async Task<Results<Ok<IReadOnlyList<SlaRow>>, FileContentHttpResult, ValidationProblem>> SlaAsync(
        [AsParameters] ComplianceQuery query, SlaStatus? status, IComplianceQueries queries, PatchPolicyHolder policy, IOptions<ComplianceHistoryOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var findings = SlaEvaluator.Evaluate(await queries.OpenFindingsAsync(query.Filter, cancellationToken), policy.Current, time.GetUtcNow(), options.Value.DueSoonDays);
        return query.Answer(
            [
                .. findings.Where(f => status is null || f.Status == status).Select(f => new SlaRow
                {
                    Status = f.Status.ToString(), ServerId = f.Finding.ServerId, PatchGroup = f.Finding.PatchGroup, Environment = f.Finding.Environment,
                    PatchId = f.Finding.PatchId, Title = f.Finding.Title, Severity = f.Finding.Severity, Cves = string.Join(' ', f.Finding.CveIds),
                    FirstSeenAt = f.Finding.FirstSeenAt, ReleaseDate = f.Finding.ReleaseDate, AgeDays = f.AgeDays, SlaDays = f.SlaDays, DueAt = f.DueAt,
                    ExceptionReason = f.ExceptionReason, ExceptionApprover = f.ExceptionApprover, ExceptionExpires = f.ExceptionExpires is { } expires ? Day(expires) : null,
                }),
            ],
            "sla");
    }

    private static async Task<Results<Ok<IReadOnlyList<RemediationRow>>, FileContentHttpResult, ValidationProblem>> RemediationAsync([AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var remediated = await queries.RemediatedFindingsAsync(query.Filter, time.GetUtcNow().AddDays(-(query.Days ?? 90)), cancellationToken);
        return query.Answer([.. SlaEvaluator.MeanTimeToRemediate(remediated).Select(r => new RemediationRow { Severity = r.Severity, Remediated = r.Remediated, MeanDays = r.MeanDays })], "remediation");
    }

    private static async Task<Results<Ok<IReadOnlyList<TopPatchRow>>, FileContentHttpResult, ValidationProblem>> TopPatchesAsync([AsParameters] ComplianceQuery query, int? limit, IComplianceQueries queries, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (limit is < 1 or > MaxTop)
        {
            return ApiProblems.Field("limit", $"must be between 1 and {MaxTop}");
        }

        var findings = await queries.OpenFindingsAsync(query.Filter, cancellationToken);
        var top = findings
            .GroupBy(f => f.PatchId, StringComparer.Ordinal)
            .Select(g => new TopPatchRow
            {
                PatchId = g.Key, Title = g.First().Title, Severity = g.First().Severity, Classification = g.First().Classification,
                Cves = string.Join(' ', g.SelectMany(f => f.CveIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                ServerCount = g.Select(f => f.ServerId).Distinct(StringComparer.Ordinal).Count(),
                Servers = string.Join(' ', g.Select(f => f.ServerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            })
            .OrderByDescending(p => p.ServerCount)
            .ThenBy(p => p.PatchId, StringComparer.Ordinal)
            .Take(limit ?? 20)
            .ToList();
        return query.Answer(top, "top-missing-patches");
    }

    private static async Task<Results<Ok<IReadOnlyList<ChangeRow>>, FileContentHttpResult, ValidationProblem>> ChangesAsync([AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var rows = await queries.ChangeSuccessAsync(query.Filter, time.GetUtcNow().AddDays(-(query.Days ?? 90)), cancellationToken);
        return query.Answer(
            [
                .. rows.Select(r => new ChangeRow
                {
                    Week = Day(r.Week), Desk = r.Desk, PatchGroup = r.PatchGroup, Total = r.Total, Successful = r.Successful,
                    SuccessfulWithIssues = r.SuccessfulWithIssues, Unsuccessful = r.Unsuccessful, SuccessPercent = r.SuccessPercent,
                    RolledBackServers = r.RolledBackServers, MedianDurationMinutes = r.MedianDurationMinutes,
                }),
            ],
            "change-success");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

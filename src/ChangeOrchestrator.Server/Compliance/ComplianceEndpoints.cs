using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Server.Api;
using ChangeOrchestrator.Server.Security;
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

    private static async Task<IResult> TrendAsync([AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var from = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - (query.Days ?? 30));
        var points = await queries.TrendAsync(query.Filter, from, cancellationToken);
        return query.Answer(
            [.. points.Select(p => new { day = p.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), patchGroup = p.PatchGroup, p.Servers, p.Compliant, compliancePercent = p.CompliancePercent, p.CriticalNonCompliant, p.PendingReboot, p.MissingPatches })],
            "compliance-trend");
    }

    private static async Task<IResult> ServersAsync([AsParameters] ComplianceQuery query, bool? nonCompliantOnly, IComplianceQueries queries, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var servers = await queries.ServersAsync(query.Filter, nonCompliantOnly ?? true, cancellationToken);
        return query.Answer(
            [
                .. servers.Select(s => new
                {
                    serverId = s.ServerId, patchGroup = s.PatchGroup, environment = s.Environment, operatingSystem = s.OperatingSystem, baselineId = s.BaselineId,
                    operation = s.Operation, scannedAt = s.ScannedAt, compliant = s.IsCompliant, s.Counts.Installed, s.Counts.InstalledOther, s.Counts.InstalledPendingReboot,
                    s.Counts.InstalledRejected, s.Counts.Missing, s.Counts.Failed, s.Counts.NotApplicable, s.Counts.CriticalNonCompliant, s.Counts.SecurityNonCompliant,
                    s.Counts.OtherNonCompliant,
                }),
            ],
            "compliance-servers");
    }

    private static async Task<IResult> HistoryAsync(string id, [AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
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
                .. scans.Select(s => new
                {
                    scannedAt = s.ScannedAt, operation = s.Operation, source = s.Source, baselineId = s.BaselineId, compliant = s.Counts.IsCompliant, s.Counts.Installed,
                    s.Counts.InstalledPendingReboot, s.Counts.Missing, s.Counts.Failed, s.Counts.CriticalNonCompliant, s.Counts.SecurityNonCompliant,
                    missingPatches = string.Join(' ', s.MissingPatchIds),
                }),
            ],
            "server-history-" + id);
    }

    private static async Task<IResult> SlaAsync(
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
                .. findings.Where(f => status is null || f.Status == status).Select(f => new
                {
                    status = f.Status.ToString(), serverId = f.Finding.ServerId, patchGroup = f.Finding.PatchGroup, environment = f.Finding.Environment,
                    patchId = f.Finding.PatchId, title = f.Finding.Title, severity = f.Finding.Severity, cves = string.Join(' ', f.Finding.CveIds),
                    firstSeenAt = f.Finding.FirstSeenAt, releaseDate = f.Finding.ReleaseDate, ageDays = f.AgeDays, slaDays = f.SlaDays, dueAt = f.DueAt,
                    exceptionReason = f.ExceptionReason, exceptionApprover = f.ExceptionApprover, exceptionExpires = f.ExceptionExpires,
                }),
            ],
            "sla");
    }

    private static async Task<IResult> RemediationAsync([AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var remediated = await queries.RemediatedFindingsAsync(query.Filter, time.GetUtcNow().AddDays(-(query.Days ?? 90)), cancellationToken);
        return query.Answer([.. SlaEvaluator.MeanTimeToRemediate(remediated).Select(r => new { severity = r.Severity, remediated = r.Remediated, meanDays = r.MeanDays })], "remediation");
    }

    private static async Task<IResult> TopPatchesAsync([AsParameters] ComplianceQuery query, int? limit, IComplianceQueries queries, CancellationToken cancellationToken)
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
            .Select(g => new
            {
                patchId = g.Key, title = g.First().Title, severity = g.First().Severity, classification = g.First().Classification,
                cves = string.Join(' ', g.SelectMany(f => f.CveIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                serverCount = g.Select(f => f.ServerId).Distinct(StringComparer.Ordinal).Count(),
                servers = string.Join(' ', g.Select(f => f.ServerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            })
            .OrderByDescending(p => p.serverCount)
            .ThenBy(p => p.patchId, StringComparer.Ordinal)
            .Take(limit ?? 20)
            .ToList();
        return query.Answer(top, "top-missing-patches");
    }

    private static async Task<IResult> ChangesAsync([AsParameters] ComplianceQuery query, IComplianceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var rows = await queries.ChangeSuccessAsync(query.Filter, time.GetUtcNow().AddDays(-(query.Days ?? 90)), cancellationToken);
        return query.Answer(
            [
                .. rows.Select(r => new
                {
                    week = r.Week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), desk = r.Desk, patchGroup = r.PatchGroup, total = r.Total,
                    r.Successful, r.SuccessfulWithIssues, r.Unsuccessful, successPercent = r.SuccessPercent, r.RolledBackServers, r.MedianDurationMinutes,
                }),
            ],
            "change-success");
    }
}

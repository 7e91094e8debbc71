using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>The dashboard's reads: rollups for trends, last states for lists, findings for SLAs and top missing patches.</summary>
internal sealed class EfComplianceQueries(IDbContextFactory<WorkflowDbContext> contexts) : IComplianceQueries
{
    public async Task<IReadOnlyList<ComplianceTrendPoint>> TrendAsync(ComplianceFilter filter, DateOnly from, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<ComplianceDailyRow>().Where(d => d.Day >= from);
        rows = filter.PatchGroup is { } group ? rows.Where(d => d.PatchGroup == group) : rows;
        rows = filter.Environment is { } environment ? rows.Where(d => d.Environment == environment) : rows;
        rows = filter.OperatingSystem is { } os ? rows.Where(d => d.OperatingSystem == os) : rows;
        var points = await rows
            .GroupBy(d => new { d.Day, d.PatchGroup })
            .Select(g => new ComplianceTrendPoint
            {
                Day = g.Key.Day,
                PatchGroup = g.Key.PatchGroup,
                Servers = g.Sum(d => d.Servers),
                Compliant = g.Sum(d => d.Compliant),
                CriticalNonCompliant = g.Sum(d => d.CriticalNonCompliant),
                PendingReboot = g.Sum(d => d.PendingReboot),
                MissingPatches = g.Sum(d => d.MissingPatches),
            })
            .ToListAsync(cancellationToken);
        return [.. points.OrderBy(p => p.Day).ThenBy(p => p.PatchGroup, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ServerComplianceState>> ServersAsync(ComplianceFilter filter, bool nonCompliantOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<ComplianceServerRow> rows = db.Set<ComplianceServerRow>();
        rows = nonCompliantOnly ? rows.Where(s => !s.IsCompliant) : rows;
        rows = filter.PatchGroup is { } group ? rows.Where(s => s.PatchGroup == group) : rows;
        rows = filter.Environment is { } environment ? rows.Where(s => s.Environment == environment) : rows;
        rows = filter.OperatingSystem is { } os ? rows.Where(s => s.OperatingSystem == os) : rows;
        var list = await rows.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. list
                .OrderByDescending(s => s.CriticalNonCompliant)
                .ThenByDescending(s => s.InstalledPendingReboot)
                .ThenBy(s => s.ServerId, StringComparer.Ordinal)
                .Select(s => new ServerComplianceState
                {
                    ServerId = s.ServerId,
                    PatchGroup = Blank(s.PatchGroup),
                    Environment = Blank(s.Environment),
                    OperatingSystem = Blank(s.OperatingSystem),
                    BaselineId = s.BaselineId,
                    Operation = s.Operation,
                    ScannedAt = s.ScannedAt,
                    Counts = s.Counts(),
                }),
        ];
    }

    public async Task<IReadOnlyList<PatchFinding>> OpenFindingsAsync(ComplianceFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindingsAsync(Filtered(db.Set<ComplianceFindingRow>().Where(f => f.RemediatedAt == null), filter), cancellationToken);
    }

    public async Task<IReadOnlyList<PatchFinding>> RemediatedFindingsAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindingsAsync(Filtered(db.Set<ComplianceFindingRow>().Where(f => f.RemediatedAt != null && f.RemediatedAt >= since), filter), cancellationToken);
    }

    public async Task<IReadOnlyList<ServerScanSummary>> ServerHistoryAsync(string serverId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ComplianceScanRow>()
            .Where(s => s.ServerId == serverId && s.ScannedAt >= since)
            .OrderByDescending(s => s.ScannedAt)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(s => new ServerScanSummary
            {
                ScannedAt = s.ScannedAt,
                Operation = s.Operation,
                Source = s.Source,
                BaselineId = s.BaselineId,
                Counts = s.Counts(),
                MissingPatchIds = MissingPatchDocument.PatchIds(s.MissingPatches),
            }),
        ];
    }

    public async Task<IReadOnlyList<ChangeSuccessRow>> ChangeSuccessAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<ChangeResultRow>().Where(c => c.ClosedAt >= since);
        rows = filter.PatchGroup is { } group ? rows.Where(c => c.PatchGroup == group) : rows;
        rows = filter.Environment is { } environment ? rows.Where(c => c.Environment == environment) : rows;
        var list = await rows.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. list
                .GroupBy(c => (Week: WeekOf(c.ClosedAt), c.Desk, c.PatchGroup))
                .Select(g => new ChangeSuccessRow
                {
                    Week = g.Key.Week,
                    Desk = g.Key.Desk,
                    PatchGroup = g.Key.PatchGroup,
                    Successful = g.Count(c => c.Outcome == "Successful"),
                    SuccessfulWithIssues = g.Count(c => c.Outcome == "SuccessfulWithIssues"),
                    Unsuccessful = g.Count(c => c.Outcome == "Unsuccessful"),
                    RolledBackServers = g.Sum(c => c.RolledBackServers),
                    MedianDurationMinutes = Median([.. g.Select(c => c.DurationMinutes)]),
                })
                .OrderBy(r => r.Week)
                .ThenBy(r => r.Desk, StringComparer.Ordinal)
                .ThenBy(r => r.PatchGroup, StringComparer.Ordinal),
        ];
    }

    private static IQueryable<ComplianceFindingRow> Filtered(IQueryable<ComplianceFindingRow> rows, ComplianceFilter filter)
    {
        rows = filter.PatchGroup is { } group ? rows.Where(f => f.PatchGroup == group) : rows;
        rows = filter.Environment is { } environment ? rows.Where(f => f.Environment == environment) : rows;
        return filter.OperatingSystem is { } os ? rows.Where(f => f.OperatingSystem == os) : rows;
    }

    private static async Task<IReadOnlyList<PatchFinding>> FindingsAsync(IQueryable<ComplianceFindingRow> rows, CancellationToken cancellationToken)
    {
        var list = await rows.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. list.Select(f => new PatchFinding
            {
                ServerId = f.ServerId,
                PatchGroup = Blank(f.PatchGroup),
                Environment = Blank(f.Environment),
                OperatingSystem = Blank(f.OperatingSystem),
                PatchId = f.PatchId,
                Title = f.Title,
                Severity = f.Severity,
                Classification = f.Classification,
                ReleaseDate = f.ReleaseDate,
                CveIds = f.CveIds.Length == 0 ? [] : f.CveIds.Split(','),
                FirstSeenAt = f.FirstSeenAt,
                ServerFirstSeenAt = f.ServerFirstSeenAt,
                LastSeenAt = f.LastSeenAt,
                RemediatedAt = f.RemediatedAt,
            }),
        ];
    }

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0
            : values.Count % 2 == 1 ? values[values.Count / 2]
            : Math.Round((values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2, 2, MidpointRounding.AwayFromZero);
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

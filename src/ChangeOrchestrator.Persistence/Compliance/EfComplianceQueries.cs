using System.Runtime.CompilerServices;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>
/// The dashboard's reads: rollups for trends, last states for the server lists (keyset pages), open findings judged
/// against the SLAs in SQL (<see cref="SlaSql"/>), and the top missing patches and time to remediate aggregated in SQL.
/// </summary>
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

    public async IAsyncEnumerable<ServerComplianceState> ServersAsync(
        ComplianceFilter filter, bool nonCompliantOnly, ServerListKey? after, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = ServerRows(db, filter, nonCompliantOnly);
        if (after is { } key)
        {
            rows = rows.Where(s => s.CriticalNonCompliant < key.CriticalNonCompliant
                || (s.CriticalNonCompliant == key.CriticalNonCompliant
                    && (s.InstalledPendingReboot < key.InstalledPendingReboot
                        || (s.InstalledPendingReboot == key.InstalledPendingReboot && string.Compare(s.ServerId, key.ServerId) > 0))));
        }

        var ordered = rows.OrderByDescending(s => s.CriticalNonCompliant).ThenByDescending(s => s.InstalledPendingReboot).ThenBy(s => s.ServerId);
        await foreach (var s in (limit is { } n ? ordered.Take(n) : ordered).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new ServerComplianceState
            {
                ServerId = s.ServerId,
                PatchGroup = Blank(s.PatchGroup),
                Environment = Blank(s.Environment),
                OperatingSystem = Blank(s.OperatingSystem),
                BaselineId = s.BaselineId,
                Operation = s.Operation,
                ScannedAt = s.ScannedAt,
                Counts = s.Counts(),
            };
        }
    }

    public async Task<int> CountServersAsync(ComplianceFilter filter, bool nonCompliantOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ServerRows(db, filter, nonCompliantOnly).CountAsync(cancellationToken);
    }

    public async Task<ComplianceFilterChoices> FilterChoicesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.Set<ComplianceServerRow>().Select(s => new { s.PatchGroup, s.Environment, s.OperatingSystem }).Distinct().ToListAsync(cancellationToken);
        return new ComplianceFilterChoices(Distinct(keys.Select(k => k.PatchGroup)), Distinct(keys.Select(k => k.Environment)), Distinct(keys.Select(k => k.OperatingSystem)));
    }

    public async Task<IReadOnlyList<PatchFinding>> OpenFindingsAsync(ComplianceFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Open(db, filter).ToListAsync(cancellationToken);
        return [.. rows.Select(Finding)];
    }

    public async Task<IReadOnlyList<SlaCount>> SlaCountsAsync(ComplianceFilter filter, SlaRules rules, CancellationToken cancellationToken)
    {
        // Counted by what the status depends on (severity, exception, clock start: few distinct values, no per-row
        // judgement in SQL); each group is then judged once by the evaluator's own rules.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await Open(db, filter)
            .Select(SlaSql.Bucket(rules))
            .GroupBy(b => new { b.Severity, b.Excepted, b.ClockStartTicks })
            .Select(g => new { g.Key.Severity, g.Key.Excepted, g.Key.ClockStartTicks, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return
        [
            .. groups
                .GroupBy(g => (Severity: g.Severity ?? SlaEvaluator.UnknownSeverity, Status: (int)Status(rules, g.Severity, g.Excepted, g.ClockStartTicks)), SeverityAndStatus.Comparer)
                .Select(g => new SlaCount(g.Key.Severity, (SlaStatus)g.Key.Status, g.Sum(c => c.Count)))
                .OrderBy(c => c.Severity, StringComparer.OrdinalIgnoreCase)
                .ThenBy(c => c.Status),
        ];
    }

    public async IAsyncEnumerable<PatchFinding> SlaFindingsAsync(
        ComplianceFilter filter, SlaRules rules, IReadOnlyCollection<SlaStatus> statuses, SlaListKey? after, int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var judged = Open(db, filter).Select(SlaSql.Judge(rules));
        if (statuses.Count > 0)
        {
            var codes = statuses.Select(s => (int)s).Distinct().ToArray();
            judged = judged.Where(j => codes.Contains(j.Status));
        }

        if (after is { } key)
        {
            judged = judged.Where(j => j.Due > key.DueTicks
                || (j.Due == key.DueTicks
                    && (string.Compare(j.Row.ServerId, key.ServerId) > 0
                        || (j.Row.ServerId == key.ServerId && string.Compare(j.Row.PatchId, key.PatchId) > 0))));
        }

        var ordered = judged.OrderBy(j => j.Due).ThenBy(j => j.Row.ServerId).ThenBy(j => j.Row.PatchId).Select(j => j.Row);
        await foreach (var row in (limit is { } n ? ordered.Take(n) : ordered).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return Finding(row);
        }
    }

    public async Task<IReadOnlyList<TopMissingPatch>> TopMissingPatchesAsync(ComplianceFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var top = await Open(db, filter)
            .GroupBy(f => f.PatchId)
            .Select(g => new
            {
                PatchId = g.Key,
                Servers = g.Select(f => f.ServerId).Distinct().Count(),
                Title = g.Max(f => f.Title),
                Severity = g.Max(f => f.Severity),
                Classification = g.Max(f => f.Classification),
            })
            .OrderByDescending(p => p.Servers)
            .ThenBy(p => p.PatchId)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = top.Select(p => p.PatchId).ToList();
        var servers = (await Open(db, filter).Where(f => ids.Contains(f.PatchId)).Select(f => new { f.PatchId, f.ServerId, f.CveIds }).ToListAsync(cancellationToken))
            .ToLookup(f => f.PatchId, StringComparer.Ordinal);
        return
        [
            .. top.Select(p => new TopMissingPatch
            {
                PatchId = p.PatchId,
                Title = p.Title ?? p.PatchId,
                Severity = p.Severity,
                Classification = p.Classification,
                Cves = [.. servers[p.PatchId].SelectMany(f => Cves(f.CveIds)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Servers = [.. servers[p.PatchId].Select(f => f.ServerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            }),
        ];
    }

    public async Task<IReadOnlyList<PatchFinding>> RemediatedFindingsAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filtered(db.Set<ComplianceFindingRow>().Where(f => f.RemediatedAt != null && f.RemediatedAt >= since), filter).ToListAsync(cancellationToken);
        return [.. rows.Select(Finding)];
    }

    public async Task<IReadOnlyList<RemediationTime>> MeanTimeToRemediateAsync(ComplianceFilter filter, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sums = await Filtered(db.Set<ComplianceFindingRow>().Where(f => f.RemediatedAt != null && f.RemediatedAt >= since), filter)
            .GroupBy(f => f.Severity)
            .Select(g => new { Severity = g.Key, Count = g.Count(), Ticks = g.Sum(f => (double)(f.RemediationTicks ?? 0)) })
            .ToListAsync(cancellationToken);
        return
        [
            .. sums
                .GroupBy(s => s.Severity ?? SlaEvaluator.UnknownSeverity, StringComparer.OrdinalIgnoreCase)
                .Select(g => new RemediationTime(g.Key, g.Sum(s => s.Count), Math.Round(g.Sum(s => s.Ticks) / g.Sum(s => s.Count) / SlaRules.TicksPerDay, 2)))
                .OrderBy(r => r.Severity, StringComparer.OrdinalIgnoreCase),
        ];
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

    private static IQueryable<ComplianceServerRow> ServerRows(WorkflowDbContext db, ComplianceFilter filter, bool nonCompliantOnly)
    {
        IQueryable<ComplianceServerRow> rows = db.Set<ComplianceServerRow>();
        rows = nonCompliantOnly ? rows.Where(s => !s.IsCompliant) : rows;
        rows = filter.PatchGroup is { } group ? rows.Where(s => s.PatchGroup == group) : rows;
        rows = filter.Environment is { } environment ? rows.Where(s => s.Environment == environment) : rows;
        return filter.OperatingSystem is { } os ? rows.Where(s => s.OperatingSystem == os) : rows;
    }

    private static IQueryable<ComplianceFindingRow> Open(WorkflowDbContext db, ComplianceFilter filter) =>
        Filtered(db.Set<ComplianceFindingRow>().Where(f => f.RemediatedAt == null), filter);

    private static IQueryable<ComplianceFindingRow> Filtered(IQueryable<ComplianceFindingRow> rows, ComplianceFilter filter)
    {
        rows = filter.PatchGroup is { } group ? rows.Where(f => f.PatchGroup == group) : rows;
        rows = filter.Environment is { } environment ? rows.Where(f => f.Environment == environment) : rows;
        return filter.OperatingSystem is { } os ? rows.Where(f => f.OperatingSystem == os) : rows;
    }

    private static PatchFinding Finding(ComplianceFindingRow f) => new()
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
        CveIds = Cves(f.CveIds),
        FirstSeenAt = f.FirstSeenAt,
        ServerFirstSeenAt = f.ServerFirstSeenAt,
        LastSeenAt = f.LastSeenAt,
        RemediatedAt = f.RemediatedAt,
    };

    /// <summary>The status <see cref="SlaEvaluator.Judge"/> gives a finding of this severity, exception and clock start.</summary>
    private static SlaStatus Status(SlaRules rules, string? severity, bool excepted, long clockStartTicks) =>
        excepted ? SlaStatus.Excepted
        : rules.DaysFor(severity) is not { } days ? SlaStatus.NoSla
        : clockStartTicks + (days * SlaRules.TicksPerDay) is var due && rules.Now.UtcTicks >= due ? SlaStatus.Breached
        : rules.Now.UtcTicks >= due - (rules.DueSoonDays * SlaRules.TicksPerDay) ? SlaStatus.DueSoon
        : SlaStatus.WithinSla;

    private static string[] Cves(string ids) => ids.Length == 0 ? [] : ids.Split(',');

    private static List<string> Distinct(IEnumerable<string> values) => [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

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

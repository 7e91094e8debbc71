using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>
/// Appends scans in one transaction: the per-server scan rows, each server's last state, its open findings (opened,
/// seen again or remediated) and the day's rollups recomputed from the servers' last states; then the retention's
/// range deletes. A step's scans already recorded (same instance, activity and server) are skipped.
/// </summary>
internal sealed class EfComplianceHistory(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time, IOptions<ComplianceHistoryOptions> options)
    : IComplianceHistory
{
    private const int AppendChunk = 500;

    public async Task<int> AppendScansAsync(ScanSource source, IReadOnlyList<ServerScan> scans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scans);
        // The contexts read without tracking by default; the server states and open findings read here are updated in place.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SerializeAppendsAsync(db, cancellationToken);
        var ids = scans.Select(s => s.ServerId).Distinct(StringComparer.Ordinal).ToList();
        var recorded = (await db.Set<ComplianceScanRow>()
                .Where(s => s.WorkflowInstanceId == source.WorkflowInstanceId && s.ActivityId == source.ActivityId && ids.Contains(s.ServerId))
                .Select(s => s.ServerId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = scans.Where(s => !recorded.Contains(s.ServerId)).DistinctBy(s => s.ServerId, StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        // A few hundred servers at a time, each part saved and forgotten: the change tracker holds one part's rows, not
        // a 10,000-server scan's, while the transaction still makes the whole append one.
        foreach (var chunk in fresh.Chunk(AppendChunk))
        {
            var freshIds = chunk.Select(s => s.ServerId).ToList();
            var servers = await db.Set<ComplianceServerRow>().AsTracking().Where(s => freshIds.Contains(s.ServerId)).ToDictionaryAsync(s => s.ServerId, StringComparer.Ordinal, cancellationToken);
            var open = (await db.Set<ComplianceFindingRow>().AsTracking().Where(f => freshIds.Contains(f.ServerId) && f.RemediatedAt == null).ToListAsync(cancellationToken))
                .ToLookup(f => f.ServerId, StringComparer.Ordinal);
            foreach (var scan in chunk)
            {
                db.Set<ComplianceScanRow>().Add(ScanRow(source, scan));

                // An older scan arriving late is history, not the server's state: its state and findings stay as they are.
                if (servers.TryGetValue(scan.ServerId, out var server) && server.ScannedAt > scan.ScannedAt)
                {
                    continue;
                }

                if (server is null)
                {
                    server = new ComplianceServerRow
                    {
                        ServerId = scan.ServerId, PatchGroup = string.Empty, Environment = string.Empty, OperatingSystem = string.Empty, Operation = string.Empty,
                        FirstScannedAt = scan.ScannedAt,
                    };
                    db.Set<ComplianceServerRow>().Add(server);
                }

                server.PatchGroup = scan.PatchGroup ?? string.Empty;
                server.Environment = scan.Environment ?? string.Empty;
                server.OperatingSystem = scan.OperatingSystem ?? string.Empty;
                server.BaselineId = scan.BaselineId;
                server.Operation = scan.Operation.ToString();
                server.ScannedAt = scan.ScannedAt;
                server.SetCounts(scan.Counts);
                server.FirstScannedAt ??= scan.ScannedAt;
                UpdateFindings(db, scan, server.FirstScannedAt.Value, open[scan.ServerId]);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var now = time.GetUtcNow();
        await RollUpAsync(db, DateOnly.FromDateTime(fresh.Max(s => s.ScannedAt).UtcDateTime), now, cancellationToken);
        await ApplyRetentionAsync(db, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fresh.Count;
    }

    public async Task RecordChangeAsync(ChangeResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ChangeResultRow>().AnyAsync(c => c.WorkflowInstanceId == result.WorkflowInstanceId, cancellationToken))
        {
            return;
        }

        db.Set<ChangeResultRow>().Add(new ChangeResultRow
        {
            WorkflowInstanceId = result.WorkflowInstanceId,
            Desk = result.Desk,
            Number = result.Number,
            PatchGroup = result.PatchGroup ?? string.Empty,
            Environment = result.Environment ?? string.Empty,
            Outcome = result.Outcome.ToString(),
            RolledBackServers = result.RolledBackServers,
            StartedAt = result.StartedAt,
            ClosedAt = result.ClosedAt,
            DurationMinutes = Math.Round((result.ClosedAt - result.StartedAt).TotalMinutes, 2),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Appends one at a time on PostgreSQL: two changes scanning at once would otherwise both replace the day's rollups
    /// (or both add a server seen for the first time) and the later commit would fail on the key the earlier one wrote.
    /// The lock is the transaction's, released by its commit or rollback; SQLite already admits one writer at a time.
    /// </summary>
    private static async Task SerializeAppendsAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('compliance_history'))", cancellationToken);
        }
    }

    private static ComplianceScanRow ScanRow(ScanSource source, ServerScan scan)
    {
        var row = new ComplianceScanRow
        {
            WorkflowInstanceId = source.WorkflowInstanceId,
            ActivityId = source.ActivityId,
            Source = source.DefinitionId,
            ServerId = scan.ServerId,
            PatchGroup = scan.PatchGroup,
            Environment = scan.Environment,
            OperatingSystem = scan.OperatingSystem,
            BaselineId = scan.BaselineId,
            Operation = scan.Operation.ToString(),
            ScannedAt = scan.ScannedAt,
            MissingPatches = MissingPatchDocument.Write(scan.MissingPatches),
        };
        row.SetCounts(scan.Counts);
        return row;
    }

    private static void UpdateFindings(WorkflowDbContext db, ServerScan scan, DateTimeOffset serverFirstSeen, IEnumerable<ComplianceFindingRow> open)
    {
        var missing = scan.MissingPatches.DistinctBy(p => p.Id, StringComparer.Ordinal).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in open)
        {
            if (missing.TryGetValue(finding.PatchId, out var patch) && seen.Add(finding.PatchId))
            {
                finding.LastSeenAt = scan.ScannedAt;
                finding.Severity = patch.Severity;
                finding.PatchGroup = scan.PatchGroup ?? string.Empty;
                finding.Environment = scan.Environment ?? string.Empty;
                finding.OperatingSystem = scan.OperatingSystem ?? string.Empty;
            }
            else
            {
                finding.RemediatedAt = scan.ScannedAt;
                finding.RemediationTicks = Math.Max(0, scan.ScannedAt.UtcTicks - finding.ClockStartTicks);
            }
        }

        foreach (var patch in missing.Values.Where(p => !seen.Contains(p.Id)))
        {
            db.Set<ComplianceFindingRow>().Add(new ComplianceFindingRow
            {
                ServerId = scan.ServerId,
                PatchGroup = scan.PatchGroup ?? string.Empty,
                Environment = scan.Environment ?? string.Empty,
                OperatingSystem = scan.OperatingSystem ?? string.Empty,
                PatchId = Truncate(patch.Id, ComplianceScanRow.NameLength),
                Title = Truncate(patch.Title, ComplianceFindingRow.TitleLength),
                Severity = patch.Severity,
                Classification = patch.Classification,
                ReleaseDate = patch.ReleaseDate,
                CveIds = Truncate(string.Join(',', patch.CveIds), ComplianceFindingRow.CveLength),
                FirstSeenAt = scan.ScannedAt,
                ServerFirstSeenAt = serverFirstSeen,
                LastSeenAt = scan.ScannedAt,
                ClockStartTicks = PatchFinding.ClockStartOf(patch.ReleaseDate, serverFirstSeen, scan.ScannedAt).UtcTicks,
            });
        }
    }

    /// <summary>The day's rollups from every server's last state within the retention, replacing what the day had.</summary>
    private async Task RollUpAsync(WorkflowDbContext db, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = now.AddDays(-options.Value.ScanRetentionDays);
        var groups = await db.Set<ComplianceServerRow>()
            .Where(s => s.ScannedAt >= live)
            .GroupBy(s => new { s.PatchGroup, s.Environment, s.OperatingSystem })
            .Select(g => new ComplianceDailyRow
            {
                Day = day,
                PatchGroup = g.Key.PatchGroup,
                Environment = g.Key.Environment,
                OperatingSystem = g.Key.OperatingSystem,
                Servers = g.Count(),
                Compliant = g.Count(s => s.IsCompliant),
                CriticalNonCompliant = g.Count(s => s.CriticalNonCompliant > 0),
                PendingReboot = g.Count(s => s.InstalledPendingReboot > 0),
                MissingPatches = g.Sum(s => s.Missing),
            })
            .ToListAsync(cancellationToken);
        await db.Set<ComplianceDailyRow>().Where(d => d.Day == day).ExecuteDeleteAsync(cancellationToken);
        db.Set<ComplianceDailyRow>().AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyRetentionAsync(WorkflowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scans = now.AddDays(-options.Value.ScanRetentionDays);
        var rollups = DateOnly.FromDateTime(now.AddDays(-options.Value.RollupRetentionDays).UtcDateTime);
        await db.Set<ComplianceScanRow>().Where(s => s.ScannedAt < scans).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ComplianceFindingRow>().Where(f => f.RemediatedAt != null && f.RemediatedAt < scans).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ComplianceDailyRow>().Where(d => d.Day < rollups).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ChangeResultRow>().Where(c => c.ClosedAt < scans).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

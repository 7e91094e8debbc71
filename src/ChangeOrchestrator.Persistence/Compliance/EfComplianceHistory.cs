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

    private PostgresComplianceRows? _postgresRows;

    public async Task<int> AppendScansAsync(ScanSource source, IReadOnlyList<ServerScan> scans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scans);
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

        // A few hundred servers at a time, each part read, decided and written: nothing holds a 10,000-server scan's rows
        // at once, while the transaction still makes the whole append one.
        var postgres = db.Database.IsNpgsql() ? _postgresRows ??= PostgresComplianceRows.For(db.Model) : null;
        foreach (var chunk in fresh.Chunk(AppendChunk))
        {
            var freshIds = chunk.Select(s => s.ServerId).ToList();
            var servers = await db.Set<ComplianceServerRow>().Where(s => freshIds.Contains(s.ServerId)).ToDictionaryAsync(s => s.ServerId, StringComparer.Ordinal, cancellationToken);
            var open = (await db.Set<ComplianceFindingRow>().Where(f => freshIds.Contains(f.ServerId) && f.RemediatedAt == null).ToListAsync(cancellationToken))
                .ToLookup(f => f.ServerId, StringComparer.Ordinal);
            var plan = ComplianceAppendPlan.For(source, chunk, servers, open);
            if (postgres is not null)
            {
                await postgres.WriteAsync(db, plan, cancellationToken);
            }
            else
            {
                await EfComplianceRows.WriteAsync(db, plan, cancellationToken);
            }
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
}

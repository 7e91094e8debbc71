using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>Writes an append's part through EF Core's change tracker (SQLite), then forgets it.</summary>
internal static class EfComplianceRows
{
    public static async Task WriteAsync(WorkflowDbContext db, ComplianceAppendPlan plan, CancellationToken cancellationToken)
    {
        db.Set<ComplianceScanRow>().AddRange(plan.Scans);
        db.Set<ComplianceServerRow>().AddRange(plan.NewServers);
        db.Set<ComplianceServerRow>().UpdateRange(plan.ChangedServers);
        db.Set<ComplianceFindingRow>().AddRange(plan.NewFindings);
        db.Set<ComplianceFindingRow>().UpdateRange(plan.ChangedFindings);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}

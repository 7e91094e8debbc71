using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>
/// Where the scans and change outcomes are kept over time (SSM keeps only each server's last scan). Appends are
/// idempotent: a workflow step that runs again after a crash records nothing twice.
/// </summary>
public interface IComplianceHistory : IChangeResultLog
{
    /// <summary>Appends the servers' states, updates their open findings and today's rollups; returns how many were new.</summary>
    Task<int> AppendScansAsync(ScanSource source, IReadOnlyList<ServerScan> scans, CancellationToken cancellationToken);
}

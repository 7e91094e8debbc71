using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>How long the compliance history is kept (section <c>Compliance:History</c>).</summary>
public sealed class ComplianceHistoryOptions
{
    public const string Section = "Compliance:History";

    /// <summary>Days of per-server scans and remediated findings kept; older ones are deleted as new scans arrive.</summary>
    [Range(1, 3650)]
    public int ScanRetentionDays { get; set; } = 180;

    /// <summary>Days of daily rollups kept (the trend charts); longer than the scans, as a rollup row is small.</summary>
    [Range(1, 3650)]
    public int RollupRetentionDays { get; set; } = 730;

    /// <summary>Days before its SLA due date that a missing patch counts as due soon.</summary>
    [Range(0, 365)]
    public int DueSoonDays { get; set; } = 3;
}

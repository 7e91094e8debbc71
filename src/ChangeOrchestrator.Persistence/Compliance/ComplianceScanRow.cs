namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>One server's state after one scan (table <c>compliance_scans</c>); the missing patches as a compact JSON document.</summary>
internal sealed class ComplianceScanRow : ComplianceCountsRow
{
    public const int IdLength = 200;

    public const int NameLength = 256;

    public long Id { get; set; }

    public required string WorkflowInstanceId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The workflow definition that scanned: scheduled-scan, patch-change, ...</summary>
    public required string Source { get; set; }

    public required string ServerId { get; set; }

    public string? PatchGroup { get; set; }

    public string? Environment { get; set; }

    public string? OperatingSystem { get; set; }

    public string? BaselineId { get; set; }

    public required string Operation { get; set; }

    public DateTimeOffset ScannedAt { get; set; }

    /// <summary>[{ "id", "severity", "classification", "state", "cves" }], as the scan read them.</summary>
    public required string MissingPatches { get; set; }
}

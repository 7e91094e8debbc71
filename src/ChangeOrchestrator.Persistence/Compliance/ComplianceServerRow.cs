namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>Each server's last recorded state (table <c>compliance_servers</c>): what the rollups and the lists read.</summary>
internal sealed class ComplianceServerRow : ComplianceCountsRow
{
    public required string ServerId { get; set; }

    /// <summary>Empty when unknown, so the rollup key has no nulls.</summary>
    public required string PatchGroup { get; set; }

    public required string Environment { get; set; }

    public required string OperatingSystem { get; set; }

    public string? BaselineId { get; set; }

    public required string Operation { get; set; }

    public DateTimeOffset ScannedAt { get; set; }

    /// <summary>The server's first recorded scan: a patch released before it counts from here, not from its release.</summary>
    public DateTimeOffset? FirstScannedAt { get; set; }
}

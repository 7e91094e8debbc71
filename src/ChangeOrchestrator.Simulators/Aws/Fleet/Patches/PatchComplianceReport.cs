namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>The patch compliance one server uploaded at the end of its last Scan or Install.</summary>
internal sealed class PatchComplianceReport
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public PatchComplianceReport(IReadOnlyList<PatchComplianceRow> rows)
    {
        Rows = rows;
        foreach (var row in rows)
        {
            _counts[row.State] = Count(row.State) + 1;
            if (!PatchStates.IsNonCompliant(row.State))
            {
                continue;
            }

            if (row.ComplianceLevel == "CRITICAL")
            {
                CriticalNonCompliantCount++;
            }
            else if (row.Patch.IsSecurity)
            {
                SecurityNonCompliantCount++;
            }
            else
            {
                OtherNonCompliantCount++;
            }
        }
    }

    public required string Operation { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    public required string BaselineId { get; init; }

    public required string PatchGroup { get; init; }

    public required string SnapshotId { get; init; }

    public string? RebootOption { get; init; }

    public string InstallOverrideList { get; init; } = "";

    public DateTimeOffset? LastNoRebootInstallOperationTime { get; init; }

    public IReadOnlyList<PatchComplianceRow> Rows { get; }

    public int CriticalNonCompliantCount { get; }

    public int SecurityNonCompliantCount { get; }

    public int OtherNonCompliantCount { get; }

    public bool IsCompliant => Count(PatchStates.Missing) + Count(PatchStates.Failed)
        + Count(PatchStates.InstalledPendingReboot) + Count(PatchStates.InstalledRejected) == 0;

    public int Count(string state) => _counts.GetValueOrDefault(state);
}

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>One day's rollup of one patch group, environment and operating system (table <c>compliance_daily</c>).</summary>
internal sealed class ComplianceDailyRow
{
    public DateOnly Day { get; set; }

    public required string PatchGroup { get; set; }

    public required string Environment { get; set; }

    public required string OperatingSystem { get; set; }

    public int Servers { get; set; }

    public int Compliant { get; set; }

    public int CriticalNonCompliant { get; set; }

    public int PendingReboot { get; set; }

    public int MissingPatches { get; set; }
}

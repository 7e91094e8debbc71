using ChangeOrchestrator.Patching.Compliance.History;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>The patch state counts as columns, shared by the per-scan and the per-server tables.</summary>
internal abstract class ComplianceCountsRow
{
    public int Installed { get; set; }

    public int InstalledOther { get; set; }

    public int InstalledPendingReboot { get; set; }

    public int InstalledRejected { get; set; }

    public int Missing { get; set; }

    public int Failed { get; set; }

    public int NotApplicable { get; set; }

    public int CriticalNonCompliant { get; set; }

    public int SecurityNonCompliant { get; set; }

    public int OtherNonCompliant { get; set; }

    public bool IsCompliant { get; set; }

    public void SetCounts(PatchStateCounts counts)
    {
        Installed = counts.Installed;
        InstalledOther = counts.InstalledOther;
        InstalledPendingReboot = counts.InstalledPendingReboot;
        InstalledRejected = counts.InstalledRejected;
        Missing = counts.Missing;
        Failed = counts.Failed;
        NotApplicable = counts.NotApplicable;
        CriticalNonCompliant = counts.CriticalNonCompliant;
        SecurityNonCompliant = counts.SecurityNonCompliant;
        OtherNonCompliant = counts.OtherNonCompliant;
        IsCompliant = counts.IsCompliant;
    }

    public PatchStateCounts Counts() => new()
    {
        Installed = Installed,
        InstalledOther = InstalledOther,
        InstalledPendingReboot = InstalledPendingReboot,
        InstalledRejected = InstalledRejected,
        Missing = Missing,
        Failed = Failed,
        NotApplicable = NotApplicable,
        CriticalNonCompliant = CriticalNonCompliant,
        SecurityNonCompliant = SecurityNonCompliant,
        OtherNonCompliant = OtherNonCompliant,
    };
}

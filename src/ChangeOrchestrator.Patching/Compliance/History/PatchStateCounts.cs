namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>The counts <c>DescribeInstancePatchStates</c> reports for one server after one operation.</summary>
public sealed record PatchStateCounts
{
    public int Installed { get; init; }

    public int InstalledOther { get; init; }

    public int InstalledPendingReboot { get; init; }

    public int InstalledRejected { get; init; }

    public int Missing { get; init; }

    public int Failed { get; init; }

    public int NotApplicable { get; init; }

    public int CriticalNonCompliant { get; init; }

    public int SecurityNonCompliant { get; init; }

    public int OtherNonCompliant { get; init; }

    /// <summary>Compliant as AWS's patch-compliance dashboard counts it: nothing missing, failed or waiting for a reboot.</summary>
    public bool IsCompliant => Missing == 0 && Failed == 0 && InstalledPendingReboot == 0;

    public static PatchStateCounts From(InstancePatchState state) => new()
    {
        Installed = state.InstalledCount,
        InstalledOther = state.InstalledOtherCount,
        InstalledPendingReboot = state.InstalledPendingRebootCount,
        InstalledRejected = state.InstalledRejectedCount,
        Missing = state.MissingCount,
        Failed = state.FailedCount,
        NotApplicable = state.NotApplicableCount,
        CriticalNonCompliant = state.CriticalNonCompliantCount,
        SecurityNonCompliant = state.SecurityNonCompliantCount,
        OtherNonCompliant = state.OtherNonCompliantCount,
    };
}

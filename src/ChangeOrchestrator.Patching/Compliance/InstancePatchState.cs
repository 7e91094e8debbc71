namespace ChangeOrchestrator.Patching.Compliance;

/// <summary>A server's patch compliance as its last scan or install reported it.</summary>
public sealed record InstancePatchState
{
    public required string InstanceId { get; init; }

    public string? PatchGroup { get; init; }

    public string? BaselineId { get; init; }

    public required int MissingCount { get; init; }

    public required int InstalledCount { get; init; }

    public required int FailedCount { get; init; }

    public required int InstalledPendingRebootCount { get; init; }

    public int InstalledRejectedCount { get; init; }

    public int InstalledOtherCount { get; init; }

    public int NotApplicableCount { get; init; }

    public int OtherNonCompliantCount { get; init; }

    public int CriticalNonCompliantCount { get; init; }

    public int SecurityNonCompliantCount { get; init; }

    public required PatchOperation LastOperation { get; init; }

    public required DateTimeOffset LastOperationStartedAt { get; init; }

    public required DateTimeOffset LastOperationEndedAt { get; init; }

    /// <summary>When an install last left patches waiting for a reboot; null if none did.</summary>
    public DateTimeOffset? LastNoRebootInstallAt { get; init; }

    /// <summary>Nothing missing, failed, rejected or waiting for a reboot.</summary>
    public bool IsCompliant => MissingCount == 0 && FailedCount == 0 && InstalledPendingRebootCount == 0 && InstalledRejectedCount == 0;
}

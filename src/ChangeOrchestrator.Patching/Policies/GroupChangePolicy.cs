using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Patching.Policies;

/// <summary>How a patch group's changes are classified and rolled out.</summary>
public sealed record GroupChangePolicy
{
    public required ChangeType ChangeType { get; init; }

    public required ChangeRisk Risk { get; init; }

    public required ChangeImpact Impact { get; init; }

    public required bool RequiresApproval { get; init; }

    /// <summary>Share of the servers patched first, as a canary wave (0 = one wave).</summary>
    public int? CanaryPercent { get; init; }

    /// <summary>How long the canary wave soaks before the rest is patched.</summary>
    public TimeSpan? Soak { get; init; }

    /// <summary>Run Command concurrency, "10" or "10%".</summary>
    public string? MaxConcurrency { get; init; }

    /// <summary>Run Command error threshold, "0", "1" or "10%".</summary>
    public string? MaxErrors { get; init; }

    /// <summary>Failed servers of a wave tolerated before the change fails, "0" or "5%".</summary>
    public string? FailureThreshold { get; init; }

    /// <summary>What to do with servers whose agent is offline: exclude or abort.</summary>
    public string? OfflinePolicy { get; init; }

    /// <summary>What follows a conflict in the window: nextWindow, raiseWithConflicts or stop.</summary>
    public string? OnConflict { get; init; }
}

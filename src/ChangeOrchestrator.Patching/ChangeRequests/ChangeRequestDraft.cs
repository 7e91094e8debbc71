namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>What a change request is raised with. The correlation id makes creation idempotent.</summary>
public sealed record ChangeRequestDraft
{
    /// <summary>The orchestrator's own key for the change (see <see cref="CorrelationIds"/> for what it may hold).</summary>
    public required string CorrelationId { get; init; }

    public required string ShortDescription { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Instances or hosts the change touches, listed in the description.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Patches to install (KB numbers, package versions), listed in the description.</summary>
    public IReadOnlyList<string> Patches { get; init; } = [];

    public IReadOnlyList<string> Cves { get; init; } = [];

    public ChangeType Type { get; init; } = ChangeType.Normal;

    public ChangeRisk Risk { get; init; } = ChangeRisk.Medium;

    public ChangeImpact Impact { get; init; } = ChangeImpact.Medium;

    public required DateTimeOffset PlannedStart { get; init; }

    public required DateTimeOffset PlannedEnd { get; init; }

    /// <summary>The group that implements the change, as the desk names it; the desk's configured default when null.</summary>
    public string? AssignmentGroup { get; init; }

    /// <summary>The person who owns the change, as the desk identifies users (user name, account id).</summary>
    public string? Owner { get; init; }

    public string ImplementationPlan { get; init; } = "";

    public string BackoutPlan { get; init; } = "";

    public string TestPlan { get; init; } = "";

    /// <summary>Refuses a draft no desk would accept, before anything is sent.</summary>
    public void EnsureValid()
    {
        CorrelationIds.EnsureValid(CorrelationId);
        if (string.IsNullOrWhiteSpace(ShortDescription))
        {
            throw new ArgumentException("A change request needs a short description.", nameof(ShortDescription));
        }

        if (PlannedEnd <= PlannedStart)
        {
            throw new ArgumentException($"The planned end ({PlannedEnd:O}) must come after the planned start ({PlannedStart:O}).", nameof(PlannedEnd));
        }
    }
}

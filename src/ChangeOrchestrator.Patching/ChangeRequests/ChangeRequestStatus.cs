namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>A change as the desk shows it now.</summary>
public sealed record ChangeRequestStatus
{
    public required ChangeReference Reference { get; init; }

    public required string Title { get; init; }

    /// <summary>The correlation id the change was created with, or null when it was created elsewhere.</summary>
    public string? CorrelationId { get; init; }

    public required ChangeState State { get; init; }

    /// <summary>The desk's own name for the state (e.g. "Authorize", "Awaiting implementation"), for people.</summary>
    public required string DeskState { get; init; }

    public required ApprovalStatus Approval { get; init; }

    /// <summary>Set once the change is closed.</summary>
    public ChangeOutcome? Outcome { get; init; }
}

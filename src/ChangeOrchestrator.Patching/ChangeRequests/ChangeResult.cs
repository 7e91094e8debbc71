namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>How one patch change ended, for the change-success report.</summary>
public sealed record ChangeResult
{
    public required string WorkflowInstanceId { get; init; }

    public required string Desk { get; init; }

    public required string Number { get; init; }

    public string? PatchGroup { get; init; }

    public string? Environment { get; init; }

    public required ChangeOutcome Outcome { get; init; }

    public int RolledBackServers { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset ClosedAt { get; init; }
}

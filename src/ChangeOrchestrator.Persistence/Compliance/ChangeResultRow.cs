namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>A closed patch change (table <c>change_results</c>), one per workflow instance.</summary>
internal sealed class ChangeResultRow
{
    public required string WorkflowInstanceId { get; set; }

    public required string Desk { get; set; }

    public required string Number { get; set; }

    public required string PatchGroup { get; set; }

    public required string Environment { get; set; }

    public required string Outcome { get; set; }

    public int RolledBackServers { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset ClosedAt { get; set; }

    public double DurationMinutes { get; set; }
}

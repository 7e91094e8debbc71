namespace ChangeOrchestrator.Web.Changes;

/// <summary>One change request an instance raised, as the changes page lists it.</summary>
public sealed record ChangeSummary
{
    public required string InstanceId { get; init; }

    public required string Desk { get; init; }

    public required string Number { get; init; }

    public required string State { get; init; }

    public string? Risk { get; init; }

    public string? ChangeType { get; init; }

    public DateTimeOffset? WindowStart { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    public int? Servers { get; init; }

    public string? Outcome { get; init; }

    public string? CloseCode { get; init; }

    public Uri? DeskLink { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public bool Finished { get; init; }
}

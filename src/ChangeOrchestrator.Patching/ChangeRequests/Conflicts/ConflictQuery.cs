namespace ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

/// <summary>What a conflict check asks the desk: these servers in this window, leaving out the change itself.</summary>
public sealed record ConflictQuery
{
    public required IReadOnlyList<AffectedServer> Servers { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>The correlation id of the change being checked: it never conflicts with itself, raised or not yet.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The number of the change being checked, once raised.</summary>
    public string? Number { get; init; }

    /// <summary>Refuses a query no desk can answer, before anything is sent.</summary>
    public void EnsureValid()
    {
        if (End <= Start)
        {
            throw new ArgumentException($"The window's end ({End:O}) must come after its start ({Start:O}).", nameof(End));
        }

        if (Servers.Any(s => string.IsNullOrWhiteSpace(s.InstanceId)))
        {
            throw new ArgumentException("Every server needs its instance id.", nameof(Servers));
        }
    }
}

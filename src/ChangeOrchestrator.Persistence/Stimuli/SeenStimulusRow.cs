namespace ChangeOrchestrator.Persistence.Stimuli;

/// <summary>The id of a stimulus that took effect, so a redelivery within its retention has no effect twice.</summary>
internal sealed class SeenStimulusRow
{
    public required string Id { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it first resumed a bookmark (see <c>SeenStimulus</c>); null when it was buffered.</summary>
    public DateTimeOffset? FirstAppliedAt { get; init; }
}

namespace ChangeOrchestrator.Persistence.Stimuli;

/// <summary>The id of a stimulus already taken in, so a redelivery within its retention has no effect.</summary>
internal sealed class SeenStimulusRow
{
    public required string Id { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Database;

namespace ChangeOrchestrator.Persistence.Stimuli;

/// <summary>A stimulus that matched no bookmark yet, kept until a bookmark consumes it or it expires.</summary>
internal sealed class PendingStimulusRow
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Key { get; init; }

    public string? Payload { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public static PendingStimulusRow From(Stimulus stimulus, DateTimeOffset expiresAt) => new()
    {
        Id = stimulus.Id,
        Kind = stimulus.Kind,
        Key = stimulus.Key,
        Payload = StoredJson.WriteNode(stimulus.Payload),
        ReceivedAt = stimulus.ReceivedAt.ToUniversalTime(),
        ExpiresAt = expiresAt.ToUniversalTime(),
    };

    /// <summary>A row that only names a stimulus, for deleting it without reading it first.</summary>
    public static PendingStimulusRow Stub(string id) => new()
    {
        Id = id,
        Kind = string.Empty,
        Key = string.Empty,
        ReceivedAt = default,
        ExpiresAt = default,
    };

    public Stimulus ToStimulus() => new(Id, Kind, Key, StoredJson.ReadNode(Payload), ReceivedAt);
}

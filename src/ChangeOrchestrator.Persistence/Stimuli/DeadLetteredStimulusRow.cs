namespace ChangeOrchestrator.Persistence.Stimuli;

/// <summary>
/// A pending stimulus that expired before any bookmark took it, kept for an operator. Its own key, because the same
/// stimulus id can arrive and expire again once its seen-record has expired.
/// </summary>
internal sealed class DeadLetteredStimulusRow
{
    public long Id { get; init; }

    public required string StimulusId { get; init; }

    public required string Kind { get; init; }

    public required string Key { get; init; }

    public string? Payload { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset ExpiredAt { get; init; }

    public required DateTimeOffset DeadLetteredAt { get; init; }

    public static DeadLetteredStimulusRow From(PendingStimulusRow pending, DateTimeOffset now) => new()
    {
        StimulusId = pending.Id,
        Kind = pending.Kind,
        Key = pending.Key,
        Payload = pending.Payload,
        ReceivedAt = pending.ReceivedAt,
        ExpiredAt = pending.ExpiresAt,
        DeadLetteredAt = now,
    };
}

namespace ChangeOrchestrator.Persistence.SideEffects;

/// <summary>
/// An external side effect an activity made: under its idempotency key (instance, activity, attempt), what kind of
/// thing it was and how the external system knows it (a CR number, an SSM command id, a snapshot id).
/// </summary>
public sealed record SideEffectRecord(
    string IdempotencyKey,
    string InstanceId,
    string ActivityId,
    string Kind,
    string? ExternalReference,
    DateTimeOffset RecordedAt);

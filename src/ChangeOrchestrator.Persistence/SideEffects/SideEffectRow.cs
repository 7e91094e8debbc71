namespace ChangeOrchestrator.Persistence.SideEffects;

/// <summary>A side-effect record as stored. No foreign key: a side effect can be recorded before its instance's first commit.</summary>
internal sealed class SideEffectRow
{
    public required string IdempotencyKey { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string Kind { get; init; }

    public string? ExternalReference { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public static SideEffectRow From(SideEffectRecord record) => new()
    {
        IdempotencyKey = record.IdempotencyKey,
        InstanceId = record.InstanceId,
        ActivityId = record.ActivityId,
        Kind = record.Kind,
        ExternalReference = record.ExternalReference,
        RecordedAt = record.RecordedAt.ToUniversalTime(),
    };

    public SideEffectRecord ToRecord() => new(IdempotencyKey, InstanceId, ActivityId, Kind, ExternalReference, RecordedAt);
}

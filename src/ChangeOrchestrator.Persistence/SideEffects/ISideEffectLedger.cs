namespace ChangeOrchestrator.Persistence.SideEffects;

/// <summary>
/// What activities already did outside, by idempotency key: an activity re-run after a crash looks here (and in the
/// external system) before doing the same thing again.
/// </summary>
public interface ISideEffectLedger
{
    /// <summary>Records a side effect; when its key is recorded already, the first record stands and is returned.</summary>
    Task<SideEffectRecord> RecordAsync(SideEffectRecord record, CancellationToken cancellationToken);

    Task<SideEffectRecord?> FindAsync(string idempotencyKey, CancellationToken cancellationToken);
}

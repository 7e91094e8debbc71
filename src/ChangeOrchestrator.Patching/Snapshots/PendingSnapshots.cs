namespace ChangeOrchestrator.Patching.Snapshots;

/// <summary>What one cheap look found still running under an idempotency key.</summary>
public sealed record PendingSnapshots
{
    public required bool Any { get; init; }

    /// <summary>
    /// How long the slowest pending snapshot seen should still take, from its progress so far; null when none has
    /// reported progress yet.
    /// </summary>
    public TimeSpan? ExpectedRemaining { get; init; }
}

namespace ChangeOrchestrator.Persistence.Recovery;

/// <summary>
/// Finds and frees work held by nodes that are gone, by the database's clock on PostgreSQL. Each freed instance gets
/// a journal entry saying what was recovered and from which node.
/// </summary>
public interface IRecoveryStore
{
    /// <summary>
    /// Clears instance leases that ran out at least <paramref name="expiredFor"/> ago (a node died mid-burst; a live
    /// node that is only late with a renewal keeps its lease), journaling each; the version moves on, fencing the dead burst.
    /// </summary>
    Task<IReadOnlyList<Recovery>> ReleaseExpiredLeasesAsync(TimeSpan expiredFor, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Clears claims on due timers that ran out, or that reach further ahead than any live claim can
    /// (<paramref name="longestClaim"/>), so no node could fire them; each is journaled on its instance.
    /// </summary>
    Task<IReadOnlyList<Recovery>> ReleaseStuckTimersAsync(TimeSpan longestClaim, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Clears claims on pending webhook deliveries that ran out, or that reach further ahead than any live claim can
    /// (<paramref name="longestClaim"/>), recording it as the delivery's last error (a delivery has no instance yet).
    /// </summary>
    Task<IReadOnlyList<Recovery>> ReleaseStuckDeliveriesAsync(TimeSpan longestClaim, int limit, CancellationToken cancellationToken);

    /// <summary>Buffered stimuli older than <paramref name="olderThan"/> for which a matching bookmark exists (their delivery was cut short).</summary>
    Task<IReadOnlyList<(string Id, string Kind, string Key)>> FindStrandedStimuliAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken);
}

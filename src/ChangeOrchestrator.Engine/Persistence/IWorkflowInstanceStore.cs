using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>Instances, their bookmarks and journals: what a durable store must provide to the runtime.</summary>
public interface IWorkflowInstanceStore
{
    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// The instance and its bookmarks, as a burst reads them before it runs. A database store answers both in one
    /// round trip; this default asks twice.
    /// </summary>
    async Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken) =>
        await FindAsync(instanceId, cancellationToken) is { } instance
            ? new LoadedInstance(instance, await GetBookmarksAsync(instanceId, cancellationToken))
            : null;

    /// <summary>Bookmarks waiting for a stimulus of this kind and key, in every instance.</summary>
    Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string kind, string key, CancellationToken cancellationToken);

    /// <summary>Timer bookmarks due at <paramref name="now"/> of instances that can run (not faulted).</summary>
    Task<IReadOnlyList<StoredBookmark>> FindDueBookmarksAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a burst atomically: instance state, bookmarks added and removed, journal entries, stimuli consumed.
    /// A commit that names its <see cref="BurstCommit.LeaseOwner"/> gives the instance's lease back in the same
    /// transaction. The burst's instance is left as it was handed over; the version it is stored with is returned.
    /// </summary>
    /// <returns>The instance's new version.</returns>
    /// <exception cref="ConcurrencyConflictException">The instance changed since the burst read it, or a consumed stimulus is gone.</exception>
    Task<long> CommitAsync(BurstCommit commit, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int limit, CancellationToken cancellationToken);
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// The instance store of a node that can die between a burst's side effects and its commit: once armed, the next
/// commit is lost, so the store keeps the state from before the burst, as after a crash.
/// </summary>
public sealed class CommitLosingStore(IWorkflowInstanceStore inner) : IWorkflowInstanceStore
{
    private int _loseNext;

    public void LoseNextCommit() => Interlocked.Exchange(ref _loseNext, 1);

    public Task<long> CommitAsync(BurstCommit commit, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _loseNext, 0) == 1
            ? throw new IOException("The node stopped before the burst was committed.")
            : inner.CommitAsync(commit, cancellationToken);

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken) => inner.FindAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken) =>
        inner.GetBookmarksAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string kind, string key, CancellationToken cancellationToken) =>
        inner.FindBookmarksAsync(kind, key, cancellationToken);

    public Task<IReadOnlyList<StoredBookmark>> FindDueBookmarksAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.FindDueBookmarksAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        inner.GetJournalAsync(instanceId, afterSequence, limit, cancellationToken);
}

using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Engine.Observation;

/// <summary>The instance store, publishing each successful commit to the <see cref="InstanceChangeFeed"/>.</summary>
internal sealed class NotifyingInstanceStore(IWorkflowInstanceStore inner, InstanceChangeFeed feed) : IWorkflowInstanceStore
{
    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken) => inner.FindAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<StoredBookmark>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken) =>
        inner.GetBookmarksAsync(instanceId, cancellationToken);

    public Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken) => inner.LoadAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<StoredBookmark>> FindBookmarksAsync(string kind, string key, CancellationToken cancellationToken) =>
        inner.FindBookmarksAsync(kind, key, cancellationToken);

    public Task<IReadOnlyList<StoredBookmark>> FindDueBookmarksAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.FindDueBookmarksAsync(now, limit, cancellationToken);

    public async Task<long> CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        var version = await inner.CommitAsync(commit, cancellationToken);
        var instance = commit.Burst.Instance;
        feed.Publish(new InstanceChange(instance.Id, instance.DefinitionId, instance.Status));
        return version;
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        inner.GetJournalAsync(instanceId, afterSequence, limit, cancellationToken);
}

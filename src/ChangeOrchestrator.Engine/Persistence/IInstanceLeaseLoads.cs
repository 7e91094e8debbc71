namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// Takes an instance's lease and reads the instance in the same round trip. Every resume takes the lease and then
/// reads the instance and its bookmarks; a store that keeps both in one database can do the two at once, and a node
/// that resumes hundreds of instances a second spares a round trip on each. Optional: without it, the engine takes the
/// lease through <see cref="IInstanceLeases"/> and reads through <see cref="IWorkflowInstanceStore.LoadAsync"/>.
/// </summary>
public interface IInstanceLeaseLoads
{
    /// <summary>
    /// Takes the lease as <see cref="IInstanceLeases.TryAcquireAsync"/> does; when it is taken, the instance and its
    /// bookmarks as they were once it was, read in the same transaction.
    /// </summary>
    /// <returns>The instance read, or null when the lease was not taken (held by another owner, or no such instance).</returns>
    Task<LoadedInstance?> TryAcquireLoadingAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken);
}

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// The two reads a raised event starts with, in one round trip: whether its stimulus id took effect already, and the
/// bookmarks waiting for its kind and key. A store that keeps both in one database can answer them at once. Optional,
/// like <see cref="IInstanceLeaseLoads"/>: without it the engine asks <see cref="IStimulusBuffer.FindSeenAsync"/> and
/// then <see cref="IWorkflowInstanceStore.FindBookmarksAsync"/>.
/// </summary>
public interface IEventLookups
{
    /// <summary>Both reads, each as its own store method gives it: the seen record only when <paramref name="stimulusId"/> is given.</summary>
    Task<EventLookup> FindAsync(string? stimulusId, string kind, string key, CancellationToken cancellationToken);
}

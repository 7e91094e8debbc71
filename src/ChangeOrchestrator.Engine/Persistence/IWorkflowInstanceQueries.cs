using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>Read-side queries over instances for the API and the UI; always paged so nothing grows with history.</summary>
public interface IWorkflowInstanceQueries
{
    Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>How many instances match the filters of <paramref name="query"/> (its paging is ignored).</summary>
    Task<long> CountAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>The number of instances in each status.</summary>
    Task<IReadOnlyDictionary<InstanceStatus, long>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The stored version of each of <paramref name="instanceIds"/> that exists, in one read: which of many watched
    /// instances changed (on any node) costs one query of their keys instead of a read of each.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> VersionsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);
}

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>Published definition versions. A version, once stored, never changes.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null.</summary>
    Task<StoredDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken);

    /// <summary>
    /// The latest version as this node last knew it, which a store may answer without asking the database. A start on
    /// it commits with <see cref="BurstCommit.RequiresLatestDefinition"/>: a store that answers from memory refuses that
    /// commit (<see cref="StaleDefinitionException"/>) when a newer version exists, and the start asks
    /// <see cref="FindAsync"/> again.
    /// </summary>
    Task<StoredDefinition?> FindLatestKnownAsync(string definitionId, CancellationToken cancellationToken) =>
        FindAsync(definitionId, null, cancellationToken);

    /// <summary>Stores a new version; fails if that id and version exist already.</summary>
    Task AddAsync(StoredDefinition definition, CancellationToken cancellationToken);

    /// <summary>The latest version of each definition, ordered by id.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken);
}

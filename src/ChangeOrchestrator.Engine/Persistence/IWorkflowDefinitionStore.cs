namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>Published definition versions. A version, once stored, never changes.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null.</summary>
    Task<StoredDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken);

    /// <summary>Stores a new version; fails if that id and version exist already.</summary>
    Task AddAsync(StoredDefinition definition, CancellationToken cancellationToken);

    /// <summary>The latest version of each definition, ordered by id.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken);
}

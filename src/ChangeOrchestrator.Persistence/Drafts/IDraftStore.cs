namespace ChangeOrchestrator.Persistence.Drafts;

/// <summary>Designer drafts, one per workflow, saved with optimistic concurrency.</summary>
public interface IDraftStore
{
    Task<StoredDraft?> FindAsync(string definitionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredDraft>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves the draft when the stored one is still at <paramref name="expectedRevision"/> (0: no draft yet) and returns
    /// it with its new revision; returns null, saving nothing, when someone saved a newer draft meanwhile.
    /// </summary>
    Task<StoredDraft?> SaveAsync(string definitionId, string json, int expectedRevision, int? baseVersion, string savedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Drops the draft (once it is published, or when a designer discards it).</summary>
    Task DeleteAsync(string definitionId, CancellationToken cancellationToken);
}

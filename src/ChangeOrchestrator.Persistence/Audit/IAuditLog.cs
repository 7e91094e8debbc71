namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>
/// The append-only record of who did what. Entries are added and read; nothing changes or removes one, so the log
/// can be trusted as evidence of what the API was asked to do.
/// </summary>
public interface IAuditLog
{
    /// <summary>Stores the entry, stamped with the current time and the next id.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}

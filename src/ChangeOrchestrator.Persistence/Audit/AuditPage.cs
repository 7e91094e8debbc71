namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>One page of the audit log; <see cref="Next"/> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long? Next);

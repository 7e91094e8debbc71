namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>An audit entry as stored: its place in the log (ids only grow) and when the log received it.</summary>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset At,
    string Actor,
    string? AuthScheme,
    string Action,
    string? ObjectType,
    string? ObjectId,
    string? RemoteIp,
    string? UserAgent,
    int Outcome,
    string? Detail);

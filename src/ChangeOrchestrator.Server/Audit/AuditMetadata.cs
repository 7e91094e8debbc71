namespace ChangeOrchestrator.Server.Audit;

/// <summary>
/// Endpoint metadata naming what a call does for the audit log: the action, the kind of object, and the route values
/// that identify the object (joined with '/'; when none, the Location of a created object is used).
/// </summary>
internal sealed record AuditMetadata(string Action, string? ObjectType, IReadOnlyList<string> ObjectIdRouteValues);

namespace ChangeOrchestrator.Server.Policies;

/// <summary>A patch exception of the loaded policy, and whether it is still in force today.</summary>
public sealed record LoadedException(string? Server, string? Patch, string? Cve, string Approver, DateOnly Expires, bool Active);

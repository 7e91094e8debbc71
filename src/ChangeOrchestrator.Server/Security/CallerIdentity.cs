namespace ChangeOrchestrator.Server.Security;

/// <summary>Who the server takes the caller for: the answer of a login and of <c>GET /auth/me</c>.</summary>
public sealed record CallerIdentity(string? Name, string? AuthScheme, IReadOnlyList<string> Roles);

namespace ChangeOrchestrator.Simulators.ServiceNow.Auth;

/// <summary>An access or refresh token and whom it acts for, until when.</summary>
internal sealed record IssuedToken(string Value, string UserName, string ClientId, string Scope, DateTimeOffset ExpiresAt, int LifetimeSeconds);

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>An access token and when to stop using it (before the instance does).</summary>
internal sealed record ServiceNowToken(string AccessToken, string? RefreshToken, DateTimeOffset UseUntil);

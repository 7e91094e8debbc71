namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>An injected failure; without a body it answers an ErrorCollection naming the status.</summary>
internal sealed record JiraFaultResponse(int Status, int? RetryAfterSeconds, string? Body, string? ContentType, bool OmitRateLimitHeaders);

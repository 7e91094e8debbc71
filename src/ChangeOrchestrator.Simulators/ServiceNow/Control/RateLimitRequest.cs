namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Body of <c>PUT /_control/rate-limit</c>.</summary>
internal sealed record RateLimitRequest(bool Enabled = true, int? RequestsPerHour = null);

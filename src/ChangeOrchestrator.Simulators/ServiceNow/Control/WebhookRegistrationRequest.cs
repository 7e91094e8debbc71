namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Body of <c>POST /_control/webhooks</c>; without a secret the configured one is sent.</summary>
internal sealed record WebhookRegistrationRequest(string Url, string? Secret = null);

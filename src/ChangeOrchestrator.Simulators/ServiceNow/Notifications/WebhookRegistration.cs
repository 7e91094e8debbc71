namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>A receiver of the outbound rule; a registration may carry its own shared secret.</summary>
internal sealed record WebhookRegistration(string Url, string? Secret);

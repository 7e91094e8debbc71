namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Body of <c>PUT /_control/webhooks/faults</c>: lose or double the next deliveries, or hold all back.</summary>
internal sealed record WebhookFaultsRequest(int DropNext = 0, int DuplicateNext = 0, double DelaySeconds = 0);

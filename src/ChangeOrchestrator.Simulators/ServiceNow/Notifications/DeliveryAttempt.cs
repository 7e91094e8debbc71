namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>One POST to a receiver: the status it answered, or why no answer came.</summary>
internal sealed record DeliveryAttempt(int Number, int? StatusCode, string? Error);

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>A start rule's input broke the workflow's contract: the delivery is refused with the reasons, and no retry can change that.</summary>
internal sealed class WebhookStartRefusedException(string message) : Exception(message);

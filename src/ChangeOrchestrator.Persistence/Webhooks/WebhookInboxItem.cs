namespace ChangeOrchestrator.Persistence.Webhooks;

/// <summary>A delivery claimed for processing; <see cref="Attempts"/> includes this one.</summary>
public sealed record WebhookInboxItem(string Id, string Source, string Body, int Attempts, DateTimeOffset ReceivedAt);

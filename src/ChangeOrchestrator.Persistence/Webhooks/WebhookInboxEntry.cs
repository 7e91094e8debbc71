namespace ChangeOrchestrator.Persistence.Webhooks;

/// <summary>A verified delivery to store: its body exactly as received and the key that recognises a redelivery.</summary>
public sealed record WebhookInboxEntry(
    string Id,
    string Source,
    string DedupeKey,
    string Body,
    string? RemoteIp,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ExpiresAt);

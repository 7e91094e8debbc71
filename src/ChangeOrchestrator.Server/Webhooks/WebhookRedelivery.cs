namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>The answer to a delivery already taken within the replay window (200): it has no further effect.</summary>
internal sealed record WebhookRedelivery(bool Duplicate);

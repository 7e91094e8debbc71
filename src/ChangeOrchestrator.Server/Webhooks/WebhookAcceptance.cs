namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>The answer to a delivery taken into the inbox (202): the inbox row that will process it.</summary>
internal sealed record WebhookAcceptance(string Id);

using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Reads one desk's webhook payloads; pure, so the endpoint and the worker read a delivery alike.</summary>
internal interface IWebhookPayloadMapper
{
    string Source { get; }

    WebhookMapping Map(JsonObject payload);
}

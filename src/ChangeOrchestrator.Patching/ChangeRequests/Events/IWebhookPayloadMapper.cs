using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>Reads one desk's webhook payloads; pure, so the endpoint and the worker read a delivery alike.</summary>
public interface IWebhookPayloadMapper
{
    ChangeNotification Map(JsonObject payload);
}

using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>A stored delivery read back: its payload and what it means.</summary>
internal sealed record WebhookContent(JsonObject Payload, WebhookMapping Mapping)
{
    /// <summary>Deliveries with the same ordering key are processed one after the other, in the order received.</summary>
    public string? OrderingKey => Mapping.Facts.ChangeKey;
}

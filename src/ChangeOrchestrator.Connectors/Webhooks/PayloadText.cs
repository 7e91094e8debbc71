using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Connectors.Webhooks;

/// <summary>Reads a text field of a webhook payload; an empty string counts as absent, as every desk sends both.</summary>
internal static class PayloadText
{
    public static string? Of(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>Activities copied from a workflow, with the connections between them, ready to paste into any workflow.</summary>
public sealed record DesignerFragment(IReadOnlyList<JsonObject> Activities, IReadOnlyList<JsonObject> Connections)
{
    public string ToJson() => new JsonObject
    {
        ["activities"] = new JsonArray([.. Activities.Select(a => (JsonNode)a.DeepClone())]),
        ["connections"] = new JsonArray([.. Connections.Select(c => (JsonNode)c.DeepClone())]),
    }.ToJsonString();

    /// <summary>A fragment read back from the browser's storage; null when the text is not one (nothing copied, or something else).</summary>
    public static DesignerFragment? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject { } root && root["activities"] is JsonArray activities && root["connections"] is JsonArray connections
                && activities.All(a => a is JsonObject o && DesignerDocument.Text(o["id"]) is not null && DesignerDocument.Text(o["type"]) is not null)
                && connections.All(c => c is JsonObject)
                ? new DesignerFragment([.. activities.Select(a => (JsonObject)a!.DeepClone())], [.. connections.Select(c => (JsonObject)c!.DeepClone())])
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

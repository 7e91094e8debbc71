using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

/// <summary>Reads a write's JSON body. Like the instance, only the first record of an array is processed.</summary>
internal static class JsonBodyReader
{
    public static async Task<(JsonObject? Body, ServiceNowError? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new JsonObject(), null);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return (null, ServiceNowError.MalformedBody());
        }

        if (node is JsonArray array)
        {
            node = array.Count > 0 ? array[0] : new JsonObject();
        }

        return node is JsonObject body ? (body, null) : (null, ServiceNowError.MalformedBody());
    }

    /// <summary>The string the instance stores for a JSON value: everything is a string, null clears the field.</summary>
    public static string ToFieldValue(JsonNode? node) => node switch
    {
        null => "",
        JsonObject reference when reference["value"] is JsonValue value => ToFieldValue(value),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => node.ToJsonString(),
    };
}

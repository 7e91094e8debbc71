using System.Text.Json;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// What the instance said in a failure: the REST envelope's error.message and error.detail, or the token endpoint's
/// OAuth error and error_description. Other bodies (a load balancer's HTML page) are not quoted.
/// </summary>
internal static class ServiceNowErrorDescriber
{
    public static string? Describe(RestResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Content) || response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(response.Content);
        }
        catch (JsonException)
        {
            return null;
        }

        return body?["error"] switch
        {
            JsonObject error => Join(Text(error["message"]), Text(error["detail"])),
            JsonValue => Join(Text(body["error"]), Text(body["error_description"])),
            _ => null,
        };
    }

    private static string? Join(string? message, string? detail) =>
        (message, detail) switch
        {
            (null, null) => null,
            (_, null) => message,
            (null, _) => detail,
            _ => $"{message} ({detail})",
        };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}

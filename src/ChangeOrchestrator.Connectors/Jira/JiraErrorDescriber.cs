using System.Text.Json;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// What Jira said in a failure: the ErrorCollection's errorMessages and per-field errors, or a short text/plain
/// sentence (some paths answer 401 and the XSRF check that way). HTML pages are not quoted.
/// </summary>
internal static class JiraErrorDescriber
{
    public static string? Describe(RestResponse response)
    {
        var content = response.Content;
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        var type = response.ContentType ?? "";
        if (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return content.Trim();
        }

        if (!type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Describe(JsonNode.Parse(content));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Describe(JsonNode? body)
    {
        var parts = new List<string>();
        if (body?["errorMessages"] is JsonArray messages)
        {
            parts.AddRange(messages.OfType<JsonValue>().Select(m => m.ToString()).Where(m => m.Length > 0));
        }

        if (body?["errors"] is JsonObject errors)
        {
            parts.AddRange(errors.Select(e => $"{e.Key}: {e.Value}"));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}

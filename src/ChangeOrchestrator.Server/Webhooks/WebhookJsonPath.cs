using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// The small path language of start rules: property names separated by dots, each optionally followed by array
/// indexes, with an optional leading <c>$.</c>: <c>issue.fields.customfield_10010.requestType.name</c>,
/// <c>changelog.items[0].toString</c>.
/// </summary>
internal static class WebhookJsonPath
{
    /// <summary>Null when the path is well formed, otherwise what is wrong with it.</summary>
    public static string? Validate(string path) => TryParse(path, out _, out var error) ? null : error;

    public static JsonNode? Resolve(JsonNode? root, string path)
    {
        if (!TryParse(path, out var steps, out _))
        {
            return null;
        }

        var node = root;
        foreach (var step in steps)
        {
            node = step switch
            {
                string name when node is JsonObject obj => obj[name],
                int index when node is JsonArray array && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The value at the path as text: a string as is, a number or boolean as JSON; null for objects, arrays and nothing.</summary>
    public static string? ResolveText(JsonNode? root, string path) => Resolve(root, path) is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;

    private static bool TryParse(string path, out List<object> steps, out string error)
    {
        steps = [];
        error = "";
        var text = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        if (text.Length == 0)
        {
            error = "is empty.";
            return false;
        }

        foreach (var segment in text.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length == 0 || name.Any(c => c is '[' or ']' or ' '))
            {
                error = $"'{path}' has an empty or invalid property name.";
                return false;
            }

            steps.Add(name);
            var rest = bracket < 0 ? "" : segment[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"'{path}' has an invalid array index (expected [n]).";
                    return false;
                }

                steps.Add(index);
                rest = rest[(close + 1)..];
            }
        }

        return true;
    }
}

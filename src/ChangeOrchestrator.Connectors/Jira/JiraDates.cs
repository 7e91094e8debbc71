using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Connectors.Jira;

internal static class JiraDates
{
    /// <summary>Jira's date-time input format, 2025-03-01T22:00:00.000+0000.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>A date-time field's value as Jira returns it (2025-03-01T22:00:00.000+0000), or null.</summary>
    public static DateTimeOffset? Parse(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length < 5)
        {
            return null;
        }

        // Jira writes the offset without a colon (+0000), which .NET's zzz does not read.
        if (text[^5] is '+' or '-' && !text[^4..].Contains(':', StringComparison.Ordinal))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date) ? date : null;
    }
}

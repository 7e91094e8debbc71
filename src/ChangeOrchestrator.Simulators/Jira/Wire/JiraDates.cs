using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>Jira's date-time wire format, <c>2021-01-17T12:34:00.000+0000</c>, and the JSM date object.</summary>
internal static partial class JiraDates
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>Accepts the Jira pattern and the ISO 8601 variants clients commonly send (+00:00, Z, no millis).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Insert the colon .NET wants in a numeric offset: +0000 -> +00:00.
        var normalized = CompactOffset().Replace(text.Trim(), "$1:$2");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            && normalized.Contains('T', StringComparison.Ordinal);
    }

    public static long EpochMillis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>The JSM REST date object: iso8601, jira, friendly, epochMillis.</summary>
    public static JsonObject ServiceDeskDate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new JsonObject
        {
            ["iso8601"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000",
            ["jira"] = Format(utc),
            ["friendly"] = utc.ToString("dd/MMM/yy h:mm tt", CultureInfo.InvariantCulture),
            ["epochMillis"] = utc.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>The X-RateLimit-Reset header pattern, yyyy-MM-ddTHH:mmZ.</summary>
    public static string RateLimitReset(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>Value encodings of the JSON 1.1 protocol: timestamps as epoch seconds, a few dates as ISO strings.</summary>
internal static class SsmJson
{
    public static JsonNode Epoch(DateTimeOffset instant) => JsonValue.Create(Math.Round(instant.ToUnixTimeMilliseconds() / 1000.0, 3));

    public static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 duration such as <c>PT88.541S</c>.</summary>
    public static string Duration(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"PT{Math.Round(Math.Max(0, elapsed.TotalSeconds), 3)}S");

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    public static JsonArray Tags(IEnumerable<KeyValuePair<string, string>> tags) =>
        [.. tags.Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value })];

    public static JsonObject StringListMap(IReadOnlyDictionary<string, IReadOnlyList<string>> map)
    {
        var result = new JsonObject();
        foreach (var (key, values) in map)
        {
            result[key] = Strings(values);
        }

        return result;
    }

    public static bool TryParseIso(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>Reading the Table API's values: strings everywhere, references and display values as objects.</summary>
internal static class ServiceNowJson
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The raw value of a field whether it came as "x", {"value":"x"} or {"display_value":..,"value":"x"}.</summary>
    public static string Value(JsonNode? record, string field) => Read(record?[field], "value");

    public static string DisplayValue(JsonNode? record, string field) => Read(record?[field], "display_value");

    /// <summary>The instance's date/time wire format: "YYYY-MM-DD HH:MM:SS" in UTC.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseDateTime(string text) =>
        DateTimeOffset.TryParseExact(text, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    private static string Read(JsonNode? node, string property) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        JsonObject json => Read(json[property], property),
        _ => "",
    };
}

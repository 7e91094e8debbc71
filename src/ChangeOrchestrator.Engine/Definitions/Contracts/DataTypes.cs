using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>Checks JSON values against declared <see cref="DataType"/>s.</summary>
public static class DataTypes
{
    /// <summary>What is wrong with <paramref name="value"/> as a <paramref name="type"/>, or null when it fits.</summary>
    public static string? Describe(JsonNode? value, DataType type)
    {
        if (value is null || type == DataType.Any)
        {
            return null;
        }

        var kind = value.GetValueKind();
        var fits = type switch
        {
            DataType.String => kind == JsonValueKind.String,
            DataType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            DataType.Number => kind == JsonValueKind.Number,
            DataType.Integer => kind == JsonValueKind.Number && JsonNumbers.TryGetInteger(value.AsValue(), out _),
            DataType.Object => kind == JsonValueKind.Object,
            DataType.Array => kind == JsonValueKind.Array,
            DataType.Duration => kind == JsonValueKind.String && Iso8601DurationConverter.TryParse(value.GetValue<string>(), out _),
            DataType.DateTime => kind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        return fits ? null : $"expected {Name(type)}, got {Shown(value)}";
    }

    public static string Name(DataType type) => type switch
    {
        DataType.Duration => "an ISO 8601 duration (e.g. PT15M)",
        DataType.DateTime => "an ISO 8601 date-time (e.g. 2026-12-01T22:00:00Z)",
        DataType.Integer => "an integer",
        DataType.Array => "an array",
        DataType.Object => "an object",
        _ => "a " + type.ToString().ToLowerInvariant(),
    };

    private static string Shown(JsonNode value)
    {
        var text = value.ToJsonString();
        return text.Length > 40 ? text[..40] + "..." : text;
    }
}

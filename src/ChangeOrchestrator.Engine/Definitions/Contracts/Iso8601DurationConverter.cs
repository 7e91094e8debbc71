using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>Reads and writes <see cref="TimeSpan"/> as ISO 8601 durations (PT15M, P3D), the format of workflow files.</summary>
public sealed class Iso8601DurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !TryParse(text, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration such as PT15M or P3D.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (!text.StartsWith('P') && !text.StartsWith("-P", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            value = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Web.Start;

/// <summary>
/// One field of the start form, made from a declared workflow input: what the person typed, and the error the
/// workflow's own input validation (or, for JSON fields, the JSON reader) gave it.
/// </summary>
public sealed class InputField(WorkflowInputDefinition input)
{
    public WorkflowInputDefinition Input { get; } = input;

    public string Name => Input.Name;

    /// <summary>The text typed; empty means "not given" (the declared default applies).</summary>
    public string Text { get; set; } = "";

    public string? Error { get; set; }

    public bool IsJson => Input.Type is DataType.Object or DataType.Array or DataType.Any;

    public bool IsBoolean => Input.Type == DataType.Boolean;

    public string Placeholder => Input.Default is { } value
        ? value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : "";

    public string Help => Input.Type switch
    {
        DataType.Duration => "ISO 8601 duration, e.g. PT15M or P1D",
        DataType.DateTime => "ISO 8601 date and time with offset, e.g. 2026-12-05T10:00:00Z",
        DataType.Integer => "whole number",
        DataType.Number => "number",
        DataType.Boolean => "true or false",
        DataType.Object => "JSON object",
        DataType.Array => "JSON array",
        DataType.Any => "any JSON value",
        _ => "text",
    } + (Input.Required ? "; required" : Input.Default is not null ? "; empty for the default" : "; optional")
      + (Input.Description is { Length: > 0 } description ? ". " + description : "");

    /// <summary>
    /// The JSON value to send, or null to leave the input out. Numbers that do not parse are sent as the text typed,
    /// so the workflow's validation names the problem exactly as the API would.
    /// </summary>
    public JsonNode? ToJson()
    {
        var text = Text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        switch (Input.Type)
        {
            case DataType.Object or DataType.Array or DataType.Any:
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException ex)
                {
                    throw new FormatException($"is not valid JSON: {ex.Message}", ex);
                }

            case DataType.Integer or DataType.Number:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? JsonNode.Parse(text) : JsonValue.Create(text);
            case DataType.Boolean:
                return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(text);
            default:
                return JsonValue.Create(text);
        }
    }
}

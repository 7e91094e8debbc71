using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions.Files;

/// <summary>
/// Writes a definition in the layout of the files under <c>workflows/</c>, so a file saved from the designer diffs in
/// git only where its content changed. The rules:
/// <list type="number">
/// <item>Two-space indentation; the file ends with a newline.</item>
/// <item>Each top-level member on its own line, in the order the document holds them.</item>
/// <item>A top-level array (<c>inputs</c>, <c>activities</c>, <c>connections</c>, ...) holds one element per line, indented
/// four spaces; an empty one is written <c>[]</c>.</item>
/// <item>Every other value is written on one line: objects as <c>{ "name": value, ... }</c>, arrays as
/// <c>[a, b]</c>, empty ones as <c>{}</c> and <c>[]</c>, strings escaped only where JSON requires it.</item>
/// <item>A top-level member or array element whose value equals one in the file it was read from keeps that file's
/// text as it was (its own line breaks and spacing), so hand-formatted files survive being opened and saved.</item>
/// </list>
/// </summary>
public static class WorkflowFileWriter
{
    private static readonly JsonSerializerOptions ValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="document"/>; where <paramref name="original"/> (the text it was read from) is given, unchanged parts keep their text.</summary>
    public static string Write(JsonObject document, string? original = null)
    {
        var previous = original is null ? WorkflowFileSpans.Empty : WorkflowFileSpans.Read(original);
        var text = new StringBuilder("{\n");
        var first = true;
        foreach (var (name, value) in document)
        {
            if (!first)
            {
                text.Append(",\n");
            }

            first = false;
            text.Append("  ").Append(Quote(name)).Append(": ");
            if (value is JsonArray array)
            {
                WriteTopLevelArray(text, name, array, previous);
            }
            else
            {
                text.Append(previous.MemberText(name, value) ?? Inline(value));
            }
        }

        return text.Append("\n}\n").ToString();
    }

    /// <summary>A value on one line, as the rules above write it.</summary>
    public static string Inline(JsonNode? value)
    {
        var text = new StringBuilder();
        AppendInline(text, value);
        return text.ToString();
    }

    private static void WriteTopLevelArray(StringBuilder text, string name, JsonArray array, WorkflowFileSpans previous)
    {
        if (array.Count == 0)
        {
            text.Append(previous.MemberText(name, array) ?? "[]");
            return;
        }

        var reusable = previous.ElementTexts(name);
        text.Append("[\n");
        for (var i = 0; i < array.Count; i++)
        {
            var element = array[i];
            var key = Canonical(element);
            var kept = reusable.TryGetValue(key, out var texts) && texts.Count > 0 ? texts.Dequeue() : null;
            text.Append("    ").Append(kept ?? Inline(element)).Append(i < array.Count - 1 ? ",\n" : "\n");
        }

        text.Append("  ]");
    }

    private static void AppendInline(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count == 0:
                text.Append("{}");
                break;
            case JsonObject obj:
                text.Append("{ ");
                var first = true;
                foreach (var (name, member) in obj)
                {
                    if (!first)
                    {
                        text.Append(", ");
                    }

                    first = false;
                    text.Append(Quote(name)).Append(": ");
                    AppendInline(text, member);
                }

                text.Append(" }");
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    AppendInline(text, array[i]);
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(value.ToJsonString(ValueOptions));
                break;
        }
    }

    /// <summary>The value's content without layout: equal content, equal key.</summary>
    internal static string Canonical(JsonNode? value) => value?.ToJsonString() ?? "null";

    private static string Quote(string name) => JsonValue.Create(name).ToJsonString(ValueOptions);
}

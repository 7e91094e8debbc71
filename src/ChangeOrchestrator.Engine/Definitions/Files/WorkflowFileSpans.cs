using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions.Files;

/// <summary>
/// The text of each top-level member of a workflow file, and of each element of its top-level arrays, as written, so
/// <see cref="WorkflowFileWriter"/> can keep what did not change.
/// </summary>
internal sealed class WorkflowFileSpans
{
    private readonly Dictionary<string, string> _members;
    private readonly Dictionary<string, List<string>> _elements;

    private WorkflowFileSpans(Dictionary<string, string> members, Dictionary<string, List<string>> elements)
    {
        _members = members;
        _elements = elements;
    }

    public static WorkflowFileSpans Empty { get; } = new([], []);

    /// <summary>Reads the spans of <paramref name="text"/>; a text that is not a JSON object yields none (everything is written anew).</summary>
    public static WorkflowFileSpans Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        var elements = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Empty;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    var items = new List<string>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var itemStart = (int)reader.TokenStartIndex;
                        reader.Skip();
                        items.Add(Encoding.UTF8.GetString(bytes, itemStart, (int)reader.BytesConsumed - itemStart));
                    }

                    elements[name] = items;
                }
                else
                {
                    reader.Skip();
                }

                members[name] = Encoding.UTF8.GetString(bytes, start, (int)reader.BytesConsumed - start);
            }
        }
        catch (JsonException)
        {
            return Empty;
        }

        return new WorkflowFileSpans(members, elements);
    }

    /// <summary>The member's original text when its value is unchanged.</summary>
    public string? MemberText(string name, JsonNode? value) =>
        _members.TryGetValue(name, out var text) && SameContent(text, value) ? text : null;

    /// <summary>The original texts of an array's elements, keyed by content, in file order.</summary>
    public Dictionary<string, Queue<string>> ElementTexts(string name)
    {
        var byContent = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        foreach (var text in _elements.GetValueOrDefault(name) ?? [])
        {
            var key = WorkflowFileWriter.Canonical(JsonNode.Parse(text));
            if (!byContent.TryGetValue(key, out var queue))
            {
                byContent[key] = queue = new Queue<string>();
            }

            queue.Enqueue(text);
        }

        return byContent;
    }

    private static bool SameContent(string text, JsonNode? value) =>
        WorkflowFileWriter.Canonical(JsonNode.Parse(text)) == WorkflowFileWriter.Canonical(value);
}

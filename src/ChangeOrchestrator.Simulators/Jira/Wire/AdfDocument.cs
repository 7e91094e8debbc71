using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>
/// Atlassian Document Format as far as v3 validates it: a <c>doc</c> of version 1 whose nodes have known types,
/// text nodes with text, and content/marks/attrs of the right JSON kinds. Stored verbatim once accepted.
/// </summary>
internal static class AdfDocument
{
    public const string InvalidMessage = "Operation value must be an Atlassian Document";

    private static readonly HashSet<string> NodeTypes = new(StringComparer.Ordinal)
    {
        "paragraph", "text", "heading", "bulletList", "orderedList", "listItem", "codeBlock", "blockquote", "rule",
        "hardBreak", "mention", "emoji", "panel", "table", "tableRow", "tableHeader", "tableCell", "mediaSingle",
        "mediaGroup", "media", "mediaInline", "inlineCard", "blockCard", "embedCard", "date", "status", "expand",
        "nestedExpand", "taskList", "taskItem", "decisionList", "decisionItem", "placeholder", "caption", "layoutSection",
        "layoutColumn", "extension", "inlineExtension", "bodiedExtension",
    };

    public static bool IsValid(JsonNode? node) =>
        node is JsonObject doc
        && JiraJson.String(doc, "type") == "doc"
        && doc["version"] is JsonValue version && version.GetValueKind() == JsonValueKind.Number && version.ToJsonString() == "1"
        && doc["content"] is JsonArray content
        && content.All(IsValidNode);

    public static JsonObject FromPlainText(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(text.Split('\n').Select(line => (JsonNode?)Paragraph(line)).ToArray()),
    };

    /// <summary>The text of a document, one line per block, as webhooks (v2 representation) and JSM comments show it.</summary>
    public static string ToPlainText(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return text.ToString().TrimEnd('\n');
    }

    private static bool IsValidNode(JsonNode? node)
    {
        if (node is not JsonObject json || JiraJson.String(json, "type") is not { } type || !NodeTypes.Contains(type))
        {
            return false;
        }

        if (type == "text" && JiraJson.String(json, "text") is not { Length: > 0 })
        {
            return false;
        }

        if (json["attrs"] is { } attrs && attrs is not JsonObject)
        {
            return false;
        }

        if (json["marks"] is { } marks && (marks is not JsonArray markArray || !markArray.All(m => m is JsonObject mark && JiraJson.String(mark, "type") is not null)))
        {
            return false;
        }

        return json["content"] switch
        {
            null => true,
            JsonArray content => content.All(IsValidNode),
            _ => false,
        };
    }

    private static JsonObject Paragraph(string line) => line.Length == 0
        ? new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray() }
        : new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = line }) };

    private static void Append(JsonNode? node, StringBuilder text)
    {
        if (node is not JsonObject json)
        {
            return;
        }

        var type = JiraJson.String(json, "type");
        if (type == "text")
        {
            text.Append(JiraJson.String(json, "text"));
            return;
        }

        if (type == "hardBreak")
        {
            text.Append('\n');
            return;
        }

        if (json["content"] is JsonArray content)
        {
            foreach (var child in content)
            {
                Append(child, text);
            }
        }

        if (type is "paragraph" or "heading" or "codeBlock" or "listItem" or "blockquote")
        {
            text.Append('\n');
        }
    }
}

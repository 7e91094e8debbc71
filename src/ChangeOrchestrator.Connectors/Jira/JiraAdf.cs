using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>Atlassian Document Format for v3 rich-text fields and comments: paragraphs, headings, bullet lists.</summary>
internal static class JiraAdf
{
    public static JsonObject Doc(IEnumerable<JsonObject> blocks) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray([.. blocks]),
    };

    public static JsonObject Doc(string text) => Doc(Paragraphs(text));

    /// <summary>One paragraph per line; an empty line is an empty paragraph (a text node may not be empty).</summary>
    public static IEnumerable<JsonObject> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = line.Length == 0 ? new JsonArray() : new JsonArray(Text(line)),
        });

    public static JsonObject Heading(string text, int level = 3) => new()
    {
        ["type"] = "heading",
        ["attrs"] = new JsonObject { ["level"] = level },
        ["content"] = new JsonArray(Text(text)),
    };

    public static JsonObject BulletList(IEnumerable<string> items) => new()
    {
        ["type"] = "bulletList",
        ["content"] = new JsonArray([.. items.Where(i => i.Length > 0).Select(item => (JsonNode)new JsonObject
        {
            ["type"] = "listItem",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(Text(item)) }),
        })]),
    };

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };
}

using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

/// <summary>Minimal Atlassian Document Format documents for requests.</summary>
public static class Adf
{
    public static JsonObject Doc(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    };
}

using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

internal static class JiraChangelogJson
{
    public static JsonObject Page(JiraIssue issue, JiraSite site, JiraLinks links) => new()
    {
        ["startAt"] = 0,
        ["maxResults"] = issue.Changelog.Count,
        ["total"] = issue.Changelog.Count,
        ["histories"] = JiraJson.Array(issue.Changelog.Select(h => (JsonNode?)History(h, site, links))),
    };

    public static JsonObject History(JiraChangelogEntry entry, JiraSite site, JiraLinks links)
    {
        var author = site.FindAccount(entry.AuthorAccountId);
        return new JsonObject
        {
            ["id"] = entry.Id,
            ["author"] = author is null ? null : JiraUserJson.Render(author, links),
            ["created"] = JiraDates.Format(entry.Created),
            ["items"] = Items(entry),
        };
    }

    /// <summary>The webhook's <c>changelog</c>: id and items only.</summary>
    public static JsonObject Webhook(JiraChangelogEntry entry) => new()
    {
        ["id"] = entry.Id,
        ["items"] = Items(entry),
    };

    private static JsonArray Items(JiraChangelogEntry entry) => JiraJson.Array(entry.Items.Select(i => (JsonNode?)new JsonObject
    {
        ["field"] = i.Field,
        ["fieldtype"] = i.FieldType,
        ["fieldId"] = i.FieldId,
        ["from"] = i.From,
        ["fromString"] = i.FromText,
        ["to"] = i.To,
        ["toString"] = i.ToText,
    }));
}

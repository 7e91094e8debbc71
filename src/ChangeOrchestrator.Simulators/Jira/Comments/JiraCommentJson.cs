using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Comments;

internal static class JiraCommentJson
{
    /// <summary>The platform shape; <paramref name="plainBody"/> renders the body as text, as webhook payloads (v2) do.</summary>
    public static JsonObject Render(JiraComment comment, JiraIssue issue, JiraSite site, JiraLinks links, bool plainBody = false)
    {
        var author = site.FindAccount(comment.AuthorAccountId);
        var json = new JsonObject
        {
            ["self"] = links.Api($"/rest/api/3/issue/{issue.Id}/comment/{comment.Id}"),
            ["id"] = comment.Id,
            ["author"] = author is null ? null : JiraUserJson.Render(author, links),
            ["body"] = plainBody ? AdfDocument.ToPlainText(comment.Body) : comment.Body.DeepClone(),
            ["updateAuthor"] = author is null ? null : JiraUserJson.Render(author, links),
            ["created"] = JiraDates.Format(comment.Created),
            ["updated"] = JiraDates.Format(comment.Created),
            ["jsdPublic"] = comment.IsPublic,
        };
        if (comment.Visibility is not null)
        {
            json["visibility"] = comment.Visibility.DeepClone();
        }

        return json;
    }

    /// <summary>The JSM request-comment shape: plain-text body, public flag, JSM date object.</summary>
    public static JsonObject RenderServiceDesk(JiraComment comment, JiraIssue issue, JiraSite site, JiraLinks links)
    {
        var author = site.FindAccount(comment.AuthorAccountId);
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["body"] = AdfDocument.ToPlainText(comment.Body),
            ["public"] = comment.IsPublic,
            ["author"] = author is null ? null : JiraUserJson.RenderServiceDesk(author, links),
            ["created"] = JiraDates.ServiceDeskDate(comment.Created),
            ["_links"] = new JsonObject { ["self"] = links.Api($"/rest/servicedeskapi/request/{issue.Id}/comment/{comment.Id}") },
        };
    }
}

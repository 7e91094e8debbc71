using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Attachments;

internal static class JiraAttachmentJson
{
    public static JsonObject Render(JiraAttachment attachment, JiraSite site, JiraLinks links)
    {
        var author = site.FindAccount(attachment.AuthorAccountId);
        return new JsonObject
        {
            ["self"] = links.Api("/rest/api/3/attachment/" + attachment.Id),
            ["id"] = attachment.Id,
            ["filename"] = attachment.Filename,
            ["author"] = author is null ? null : JiraUserJson.Render(author, links),
            ["created"] = JiraDates.Format(attachment.Created),
            ["size"] = attachment.Content.LongLength,
            ["mimeType"] = attachment.MimeType,
            ["content"] = links.Api("/rest/api/3/attachment/content/" + attachment.Id),
        };
    }
}

using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Attachments;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>
/// Webhook bodies: the issue in its v2 representation (self under /rest/api/2, documents as text), the changelog of
/// the change that raised the event, and <c>matchedWebhookIds</c> for webhooks registered through REST.
/// </summary>
internal sealed class JiraWebhookPayload(JiraSite site, JiraIssueRenderer renderer)
{
    private static readonly JiraFieldSelection CommentIssueFields = JiraFieldSelection.Parse(["summary,status,issuetype,project,assignee,reporter"], JiraFieldSelection.None);

    public JsonObject Build(JiraIssueEvent evt, JiraWebhook webhook)
    {
        var links = new JiraLinks(evt.Context.Links.SiteBase, evt.Context.Links.SiteBase);
        var payload = new JsonObject
        {
            ["timestamp"] = JiraDates.EpochMillis(evt.Context.Now),
            ["webhookEvent"] = evt.WebhookEvent,
        };
        switch (evt.WebhookEvent)
        {
            case JiraIssueEvent.CommentCreated when evt.Comment is not null:
                payload["comment"] = JiraCommentJson.Render(evt.Comment, evt.Issue, site, links, plainBody: true);
                payload["issue"] = renderer.Render(evt.Issue, links, CommentIssueFields, plainDocuments: true, apiVersion: "2");
                break;
            case JiraIssueEvent.AttachmentCreated when evt.Attachment is not null:
                payload["attachment"] = JiraAttachmentJson.Render(evt.Attachment, site, links);
                break;
            default:
                payload["issue_event_type_name"] = evt.IssueEventTypeName;
                payload["user"] = JiraUserJson.Render(evt.Context.Actor, links);
                payload["issue"] = renderer.Render(evt.Issue, links, JiraFieldSelection.All, plainDocuments: true, apiVersion: "2");
                if (evt.Changelog is not null)
                {
                    payload["changelog"] = JiraChangelogJson.Webhook(evt.Changelog);
                }

                if (evt.Comment is not null)
                {
                    payload["comment"] = JiraCommentJson.Render(evt.Comment, evt.Issue, site, links, plainBody: true);
                }

                break;
        }

        if (webhook.Kind != JiraWebhookKind.AdminUi)
        {
            payload["matchedWebhookIds"] = new JsonArray(webhook.Id);
        }

        return payload;
    }
}

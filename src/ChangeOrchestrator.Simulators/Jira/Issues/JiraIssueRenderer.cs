using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Attachments;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>
/// The issue bean. <c>plainDocuments</c> renders ADF as text, which is how webhook payloads (the v2 representation)
/// carry descriptions and comment bodies.
/// </summary>
internal sealed class JiraIssueRenderer(JiraSite site)
{
    public JsonObject Render(JiraIssue issue, JiraLinks links, JiraFieldSelection selection, bool plainDocuments = false, string apiVersion = "3")
    {
        var fields = new JsonObject();
        foreach (var field in site.Fields.For(issue.IssueType))
        {
            if (field.Id != JiraSystemFields.IssueKey && selection.Includes(field.Id))
            {
                fields[field.Id] = RenderField(field, issue, links, plainDocuments);
            }
        }

        return new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = issue.Id,
            ["self"] = links.Api($"/rest/api/{apiVersion}/issue/{issue.Id}"),
            ["key"] = issue.Key,
            ["fields"] = fields,
        };
    }

    /// <summary>The <c>names</c> expansion: field id to display name.</summary>
    public JsonObject Names(JiraIssue issue)
    {
        var names = new JsonObject();
        foreach (var field in site.Fields.For(issue.IssueType).Where(f => f.Id != JiraSystemFields.IssueKey))
        {
            names[field.Id] = field.Name;
        }

        return names;
    }

    private JsonNode? RenderField(JiraFieldDefinition field, JiraIssue issue, JiraLinks links, bool plainDocuments) => field.Id switch
    {
        JiraSystemFields.Reporter => site.FindAccount(issue.ReporterAccountId) is { } reporter ? JiraUserJson.Render(reporter, links) : null,
        JiraSystemFields.IssueType => JiraWorkflowJson.IssueType(issue.IssueType, links),
        JiraSystemFields.Project => JiraWorkflowJson.Project(site.Project, links),
        JiraSystemFields.Status => JiraWorkflowJson.Status(issue.Status, links),
        JiraSystemFields.StatusCategory => JiraWorkflowJson.Category(issue.Status.Category, links),
        JiraSystemFields.Resolution => JiraWorkflowJson.Resolution(issue.Resolution, links),
        JiraSystemFields.ResolutionDate => issue.ResolutionDate is { } resolved ? JiraDates.Format(resolved) : null,
        JiraSystemFields.Created => JiraDates.Format(issue.Created),
        JiraSystemFields.Updated => JiraDates.Format(issue.Updated),
        JiraSystemFields.Comment => new JsonObject
        {
            ["comments"] = JiraJson.Array(issue.Comments.Select(c => (JsonNode?)JiraCommentJson.Render(c, issue, site, links, plainDocuments))),
            ["self"] = links.Api($"/rest/api/3/issue/{issue.Id}/comment"),
            ["maxResults"] = issue.Comments.Count,
            ["total"] = issue.Comments.Count,
            ["startAt"] = 0,
        },
        JiraSystemFields.Attachment => JiraJson.Array(issue.Attachments.Select(a => (JsonNode?)JiraAttachmentJson.Render(a, site, links))),
        _ => JiraFieldValues.Render(field, issue.Value(field.Id), site, links, plainDocuments),
    };
}

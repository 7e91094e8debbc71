using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Comments;

/// <summary>JSM request comments: plain-text bodies and a public flag (<c>public:false</c> is an internal note).</summary>
internal static class ServiceDeskCommentEndpoints
{
    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapPost("/servicedeskapi/request/{issueIdOrKey}/comment", AddAsync);
        rest.MapGet("/servicedeskapi/request/{issueIdOrKey}/comment", List);
    }

    private static async Task<IResult> AddAsync(
        string issueIdOrKey,
        HttpContext context,
        JiraStore store,
        JiraSite site,
        JiraCommentWriter writer,
        JiraWebhookPublisher publisher,
        SimulatorClock clock,
        CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var text = JiraJson.String(body.Json, "body");
        var isPublic = JiraJson.Bool(body.Json["public"]) ?? true;
        var canWrite = context.JiraCaller().CanWrite;
        var changeContext = JiraChangeContext.From(context, clock);
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            if (!canWrite)
            {
                return JiraErrors.Forbidden("You do not have permission to comment on this request.");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return JiraErrors.Field("body", "The comment body must not be empty.");
            }

            if (!writer.HasRoom(issue))
            {
                return JiraErrors.Message(StatusCodes.Status413PayloadTooLarge, JiraCommentWriter.LimitMessage);
            }

            var comment = writer.Add(state, issue, AdfDocument.FromPlainText(text), changeContext, isPublic: isPublic);
            publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.IssueUpdated, "issue_commented", issue, changeContext, Comment: comment));
            publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.CommentCreated, null, issue, changeContext, Comment: comment));
            return JiraResults.Json(JiraCommentJson.RenderServiceDesk(comment, issue, site, changeContext.Links), StatusCodes.Status201Created);
        });
    }

    private static IResult List(string issueIdOrKey, HttpContext context, JiraStore store, JiraSite site)
    {
        var query = context.Request.Query;
        var start = JiraQuery.Int(query["start"], 0, 0, int.MaxValue);
        var limit = JiraQuery.Int(query["limit"], 50, 1, 100);
        var includePublic = !string.Equals(query["public"], "false", StringComparison.OrdinalIgnoreCase);
        var includeInternal = !string.Equals(query["internal"], "false", StringComparison.OrdinalIgnoreCase);
        var links = JiraLinks.From(context);
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            var visible = issue.Comments.Where(c => c.IsPublic ? includePublic : includeInternal).ToList();
            var page = visible.Skip(start).Take(limit).ToList();
            return JiraResults.Json(new JsonObject
            {
                ["size"] = page.Count,
                ["start"] = start,
                ["limit"] = limit,
                ["isLastPage"] = start + page.Count >= visible.Count,
                ["values"] = JiraJson.Array(page.Select(c => (JsonNode?)JiraCommentJson.RenderServiceDesk(c, issue, site, links))),
                ["_links"] = new JsonObject { ["base"] = links.SiteBase, ["context"] = "" },
            });
        });
    }
}

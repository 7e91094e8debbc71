using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Comments;

/// <summary>Platform comments with ADF bodies (<c>/rest/api/3/issue/{key}/comment</c>).</summary>
internal static class JiraCommentEndpoints
{
    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapPost("/api/3/issue/{issueIdOrKey}/comment", AddAsync);
        rest.MapGet("/api/3/issue/{issueIdOrKey}/comment", List);
        rest.MapGet("/api/3/issue/{issueIdOrKey}/comment/{commentId}", Get);
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

        var canWrite = context.JiraCaller().CanWrite;
        var changeContext = JiraChangeContext.From(context, clock);
        var adf = body.Json["body"];
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            if (!canWrite)
            {
                return JiraErrors.Forbidden("You do not have the permission to comment on this issue.");
            }

            if (adf is null)
            {
                return JiraErrors.Field("comment", "Comment body can not be empty!");
            }

            if (!AdfDocument.IsValid(adf))
            {
                return JiraErrors.Field("comment", AdfDocument.InvalidMessage);
            }

            if (!writer.HasRoom(issue))
            {
                return JiraErrors.Message(StatusCodes.Status413PayloadTooLarge, JiraCommentWriter.LimitMessage);
            }

            var comment = writer.Add(state, issue, adf, changeContext, body.Json["visibility"] as JsonObject);
            publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.IssueUpdated, "issue_commented", issue, changeContext, Comment: comment));
            publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.CommentCreated, null, issue, changeContext, Comment: comment));
            return JiraResults.Json(JiraCommentJson.Render(comment, issue, site, changeContext.Links), StatusCodes.Status201Created);
        });
    }

    private static IResult List(string issueIdOrKey, HttpContext context, JiraStore store, JiraSite site)
    {
        var query = context.Request.Query;
        var startAt = JiraQuery.Int(query["startAt"], 0, 0, int.MaxValue);
        var maxResults = JiraQuery.Int(query["maxResults"], 5000, 0, 5000);
        var newestFirst = query["orderBy"].ToString().StartsWith('-');
        var links = JiraLinks.From(context);
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            var ordered = newestFirst ? issue.Comments.AsEnumerable().Reverse() : issue.Comments;
            var page = ordered.Skip(startAt).Take(maxResults).Select(c => (JsonNode?)JiraCommentJson.Render(c, issue, site, links));
            return JiraResults.Json(new JsonObject
            {
                ["startAt"] = startAt,
                ["maxResults"] = maxResults,
                ["total"] = issue.Comments.Count,
                ["comments"] = JiraJson.Array(page),
            });
        });
    }

    private static IResult Get(string issueIdOrKey, string commentId, HttpContext context, JiraStore store, JiraSite site)
    {
        var links = JiraLinks.From(context);
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            return issue.Comments.FirstOrDefault(c => c.Id == commentId) is { } comment
                ? JiraResults.Json(JiraCommentJson.Render(comment, issue, site, links))
                : JiraErrors.NotFound($"Can not find a comment for the id: {commentId}.");
        });
    }
}

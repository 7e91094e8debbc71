using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Transitions;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>Create, get and edit issues (<c>/rest/api/3/issue</c>).</summary>
internal static class JiraIssueEndpoints
{
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapPost("/api/3/issue", CreateAsync);
        rest.MapGet("/api/3/issue/{issueIdOrKey}", Get);
        rest.MapPut("/api/3/issue/{issueIdOrKey}", EditAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, JiraIssueCreator creator, SimulatorClock clock, CancellationToken cancellationToken)
    {
        if (!context.JiraCaller().CanWrite)
        {
            return JiraErrors.Forbidden("You do not have permission to create issues in this project.");
        }

        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        return body.IsValid ? creator.Create(body.Json, JiraChangeContext.From(context, clock)) : body.Error;
    }

    private static IResult Get(string issueIdOrKey, HttpContext context, JiraStore store, JiraSite site, JiraIssueRenderer renderer, JiraTransitionRunner runner)
    {
        var query = context.Request.Query;
        var selection = JiraFieldSelection.Parse(query["fields"], JiraFieldSelection.All);
        var expand = JiraQuery.List(query["expand"]);
        var properties = JiraQuery.List(query["properties"]);
        var links = JiraLinks.From(context);
        var caller = context.JiraCaller();
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            var json = renderer.Render(issue, links, selection);
            if (expand.Contains("changelog"))
            {
                json["changelog"] = JiraChangelogJson.Page(issue, site, links);
            }

            if (expand.Contains("transitions"))
            {
                json["transitions"] = JiraJson.Array(runner.Candidates(issue, caller)
                    .Where(c => c.Available)
                    .Select(c => (JsonNode?)JiraTransitionJson.Render(c.Transition, true, links, false)));
            }

            if (expand.Contains("names"))
            {
                json["names"] = renderer.Names(issue);
            }

            if (properties.Count > 0)
            {
                var values = new JsonObject();
                foreach (var key in properties.Where(issue.Properties.ContainsKey))
                {
                    values[key] = issue.Properties[key]?.DeepClone();
                }

                json["properties"] = values;
            }

            return JiraResults.Json(json);
        });
    }

    private static async Task<IResult> EditAsync(
        string issueIdOrKey,
        HttpContext context,
        JiraStore store,
        JiraFieldUpdatePlanner planner,
        JiraIssueChanges changes,
        JiraCommentWriter comments,
        JiraWebhookPublisher publisher,
        JiraIssueRenderer renderer,
        SimulatorClock clock,
        CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var changeContext = JiraChangeContext.From(context, clock);
        var canWrite = context.JiraCaller().CanWrite;
        var returnIssue = string.Equals(context.Request.Query["returnIssue"], "true", StringComparison.OrdinalIgnoreCase);
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            if (!canWrite)
            {
                return JiraErrors.Forbidden("You do not have permission to edit issues in this project.");
            }

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var plan = planner.Plan(issue.IssueType, issue, body.Json["fields"] as JsonObject, body.Json["update"] as JsonObject, _ => true, Nothing, errors);
            if (errors.Count > 0)
            {
                return JiraErrors.Fields(errors);
            }

            if (!comments.HasRoom(issue, plan.Comments.Count))
            {
                return JiraErrors.Message(StatusCodes.Status413PayloadTooLarge, JiraCommentWriter.LimitMessage);
            }

            var items = changes.Apply(issue, plan.Values);
            var added = plan.Comments.Select(c => comments.Add(state, issue, c, changeContext)).ToList();
            if (items.Count > 0)
            {
                var entry = changes.Record(state, issue, items, changeContext);
                publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.IssueUpdated, "issue_updated", issue, changeContext, entry, added.LastOrDefault()));
            }
            else
            {
                foreach (var comment in added)
                {
                    publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.IssueUpdated, "issue_commented", issue, changeContext, Comment: comment));
                }
            }

            return returnIssue
                ? JiraResults.Json(renderer.Render(issue, changeContext.Links, JiraFieldSelection.All))
                : JiraResults.NoContent();
        });
    }
}

using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Transitions;

/// <summary><c>GET/POST /rest/api/3/issue/{key}/transitions</c>.</summary>
internal static class JiraTransitionEndpoints
{
    private static readonly IReadOnlySet<string> Resolution = new HashSet<string>(StringComparer.Ordinal) { "resolution" };

    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapGet("/api/3/issue/{issueIdOrKey}/transitions", List);
        rest.MapPost("/api/3/issue/{issueIdOrKey}/transitions", RunAsync);
    }

    private static IResult List(string issueIdOrKey, HttpContext context, JiraStore store, JiraTransitionRunner runner)
    {
        var query = context.Request.Query;
        var withFields = JiraQuery.List(query["expand"]).Contains("transitions.fields");
        var includeUnavailable = string.Equals(query["includeUnavailableTransitions"], "true", StringComparison.OrdinalIgnoreCase);
        var onlyId = query["transitionId"].ToString();
        var links = JiraLinks.From(context);
        var caller = context.JiraCaller();
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            var transitions = runner.Candidates(issue, caller)
                .Where(c => c.Available || includeUnavailable)
                .Where(c => onlyId.Length == 0 || c.Transition.Id == onlyId)
                .Select(c => (JsonNode?)JiraTransitionJson.Render(c.Transition, c.Available, links, withFields));
            return JiraResults.Json(new JsonObject { ["expand"] = "transitions", ["transitions"] = JiraJson.Array(transitions) });
        });
    }

    private static async Task<IResult> RunAsync(
        string issueIdOrKey,
        HttpContext context,
        JiraStore store,
        JiraTransitionRunner runner,
        JiraFieldUpdatePlanner planner,
        JiraCommentWriter comments,
        SimulatorClock clock,
        CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var transitionId = JiraJson.String(body.Json["transition"] as JsonObject, "id");
        if (transitionId is null)
        {
            return JiraErrors.BadRequest("Missing 'transition' identifier");
        }

        var changeContext = JiraChangeContext.From(context, clock);
        var caller = context.JiraCaller();
        var fields = body.Json["fields"] as JsonObject;
        var update = body.Json["update"] as JsonObject;
        return store.Use(state =>
        {
            if (state.FindIssue(issueIdOrKey) is not { } issue)
            {
                return JiraErrors.NotFound();
            }

            var transition = runner.Candidates(issue, caller).Where(c => c.Available).Select(c => c.Transition).FirstOrDefault(t => t.Id == transitionId);
            if (transition is null)
            {
                return JiraErrors.BadRequest($"Transition id '{transitionId}' is not valid for this issue.");
            }

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var resolution = ReadResolution(fields, update, transition, errors);
            var plan = planner.Plan(issue.IssueType, issue, fields, update, f => transition.ScreenFields.Contains(f.Id), Resolution, errors);
            if (errors.Count > 0)
            {
                return JiraErrors.Fields(errors);
            }

            if (!comments.HasRoom(issue, plan.Comments.Count))
            {
                return JiraErrors.Message(StatusCodes.Status413PayloadTooLarge, JiraCommentWriter.LimitMessage);
            }

            var added = plan.Comments.Select(c => comments.Add(state, issue, c, changeContext)).ToList();
            runner.Run(state, issue, transition, changeContext, resolution, plan.Values, added.LastOrDefault());
            return JiraResults.NoContent();
        });
    }

    private static JiraResolution? ReadResolution(JsonObject? fields, JsonObject? update, JiraTransition transition, Dictionary<string, string> errors)
    {
        if (fields?["resolution"] is not { } node)
        {
            return null;
        }

        if (update?.ContainsKey("resolution") == true)
        {
            errors["resolution"] = "Field 'resolution' cannot be set using both fields and update.";
            return null;
        }

        if (!transition.ScreenFields.Contains("resolution") || !transition.To.IsDone)
        {
            errors["resolution"] = JiraFieldUpdatePlanner.NotOnScreen("resolution");
            return null;
        }

        var id = JiraJson.String(node as JsonObject, "id");
        var name = JiraJson.String(node as JsonObject, "name");
        var resolution = JiraResolution.All.FirstOrDefault(r => r.Id == id || string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        if (resolution is null)
        {
            errors["resolution"] = $"Could not find valid 'id' or 'name' in resolution object.";
        }

        return resolution;
    }
}

using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>
/// Enhanced JQL search (<c>/rest/api/3/search/jql</c>, token paging) and the approximate count. The old
/// <c>/rest/api/3/search</c> answers 410 Gone, as Jira Cloud does since its removal.
/// </summary>
internal static class JiraSearchEndpoints
{
    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapGet("/api/3/search/jql", (HttpContext context, JiraStore store, JiraSite site, JiraIssueRenderer renderer, SimulatorClock clock) =>
            Search(JiraSearchRequest.FromQuery(context.Request.Query), context, store, site, renderer, clock))
            .WithMetadata(JiraAnonymousSearch.Instance);
        rest.MapPost("/api/3/search/jql", SearchFromBodyAsync).WithMetadata(JiraAnonymousSearch.Instance);
        rest.MapPost("/api/3/search/approximate-count", CountAsync);
        rest.MapMethods("/api/3/search", ["GET", "POST"], () => JiraErrors.Message(
            StatusCodes.Status410Gone,
            "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."));
    }

    private static async Task<IResult> SearchFromBodyAsync(HttpContext context, JiraStore store, JiraSite site, JiraIssueRenderer renderer, SimulatorClock clock, CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        return body.IsValid ? Search(JiraSearchRequest.FromBody(body.Json), context, store, site, renderer, clock) : body.Error;
    }

    private static IResult Search((JiraSearchRequest? Request, string? Error) parsed, HttpContext context, JiraStore store, JiraSite site, JiraIssueRenderer renderer, SimulatorClock clock)
    {
        if (parsed.Request is not { } request)
        {
            return JiraErrors.BadRequest(parsed.Error!);
        }

        if (context.JiraCaller().Account is null)
        {
            // Anonymous callers see nothing on sites that let them search at all.
            return JiraResults.Json(new JsonObject { ["issues"] = new JsonArray(), ["isLast"] = true });
        }

        var evaluator = new JqlEvaluator(site, clock.UtcNow);
        JqlQuery query;
        try
        {
            query = evaluator.Compile(request.Jql);
        }
        catch (JqlException ex)
        {
            return JiraErrors.BadRequest(ex.Message);
        }

        var links = JiraLinks.From(context);
        return store.Use(state =>
        {
            var matches = evaluator.Order(state.Issues.Where(i => evaluator.Matches(query.Where, i)), query.OrderBy).ToList();
            var page = matches.Skip(request.Offset).Take(request.MaxResults).ToList();
            var issues = new JsonArray();
            foreach (var issue in page)
            {
                var json = renderer.Render(issue, links, request.Fields);
                if (request.Expand.Contains("changelog"))
                {
                    json["changelog"] = JiraChangelogJson.Page(issue, site, links);
                }

                if (request.Properties.Count > 0)
                {
                    var properties = new JsonObject();
                    foreach (var key in request.Properties.Where(issue.Properties.ContainsKey))
                    {
                        properties[key] = issue.Properties[key]?.DeepClone();
                    }

                    json["properties"] = properties;
                }

                issues.Add(json);
            }

            var next = request.Offset + page.Count;
            var response = new JsonObject { ["issues"] = issues };
            if (next < matches.Count)
            {
                response["nextPageToken"] = JiraSearchRequest.TokenFor(next);
            }

            response["isLast"] = next >= matches.Count;
            if (request.Expand.Contains("names") && page.Count > 0)
            {
                response["names"] = renderer.Names(page[0]);
            }

            return JiraResults.Json(response);
        });
    }

    private static async Task<IResult> CountAsync(HttpContext context, JiraStore store, JiraSite site, SimulatorClock clock, CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var evaluator = new JqlEvaluator(site, clock.UtcNow);
        try
        {
            var query = evaluator.Compile(JiraJson.String(body.Json, "jql"));
            var count = store.Use(state => state.Issues.Count(i => evaluator.Matches(query.Where, i)));
            return JiraResults.Json(new JsonObject { ["count"] = count });
        }
        catch (JqlException ex)
        {
            return JiraErrors.BadRequest(ex.Message);
        }
    }
}

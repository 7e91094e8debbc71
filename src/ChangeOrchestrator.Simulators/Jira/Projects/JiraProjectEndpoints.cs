using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Projects;

/// <summary>
/// The project reads a Jira client starts with: <c>GET /rest/api/3/project/search</c> (paged, filtered by keys,
/// query and type), <c>GET /rest/api/3/project</c> (the older unpaged list), <c>GET /rest/api/3/project/{projectIdOrKey}</c>,
/// its statuses per issue type, and <c>GET /rest/api/3/issuetype</c>. The site holds one service project.
/// </summary>
internal static class JiraProjectEndpoints
{
    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapGet("/api/3/project/search", Search);
        rest.MapGet("/api/3/project", (HttpContext context, JiraSite site) =>
            JiraResults.Json(new JsonArray(JiraProjectJson.Summary(site, JiraLinks.From(context), Expand(context)))));
        rest.MapGet("/api/3/project/{projectIdOrKey}", (string projectIdOrKey, HttpContext context, JiraSite site) =>
            site.IsProject(projectIdOrKey) ? JiraResults.Json(JiraProjectJson.Full(site, JiraLinks.From(context))) : NoProject(projectIdOrKey));
        rest.MapGet("/api/3/project/{projectIdOrKey}/statuses", Statuses);
        rest.MapGet("/api/3/issuetype", (HttpContext context, JiraSite site) => JiraResults.Json(JiraProjectJson.IssueTypes(site, JiraLinks.From(context))));
    }

    private static IResult Search(HttpContext context, JiraSite site)
    {
        var query = context.Request.Query;
        var startAt = JiraQuery.Int(query["startAt"], 0, 0, int.MaxValue);
        var maxResults = JiraQuery.Int(query["maxResults"], 50, 1, 100);
        var project = site.Project;
        var keys = JiraQuery.List(query["keys"]);
        var ids = JiraQuery.List(query["id"]);
        var text = query["query"].ToString();
        var typeKey = query["typeKey"].ToString();
        var matches =
            (keys.Count == 0 || keys.Contains(project.Key, StringComparer.OrdinalIgnoreCase))
            && (ids.Count == 0 || ids.Contains(project.Id))
            && (text.Length == 0 || project.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || project.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            && (typeKey.Length == 0 || JiraQuery.List(query["typeKey"]).Contains("service_desk"));
        var links = JiraLinks.From(context);
        JsonObject[] all = matches ? [JiraProjectJson.Summary(site, links, Expand(context))] : [];
        var page = all.Skip(startAt).Take(maxResults).ToList();
        var self = links.Api($"/rest/api/3/project/search?maxResults={maxResults}&startAt={startAt}");
        var json = new JsonObject
        {
            ["self"] = self,
            ["maxResults"] = maxResults,
            ["startAt"] = startAt,
            ["total"] = all.Length,
            ["isLast"] = startAt + page.Count >= all.Length,
            ["values"] = JiraJson.Array(page),
        };
        if (startAt + page.Count < all.Length)
        {
            json["nextPage"] = links.Api($"/rest/api/3/project/search?maxResults={maxResults}&startAt={startAt + maxResults}");
        }

        return JiraResults.Json(json);
    }

    private static IResult Statuses(string projectIdOrKey, HttpContext context, JiraSite site)
    {
        if (!site.IsProject(projectIdOrKey))
        {
            return NoProject(projectIdOrKey);
        }

        var links = JiraLinks.From(context);
        var statuses = JiraJson.Array(site.Workflow.Statuses.Select(s => (JsonNode?)JiraWorkflowJson.Status(s, links)));
        return JiraResults.Json(JiraJson.Array(site.IssueTypes.Select(t => (JsonNode?)new JsonObject
        {
            ["self"] = links.Api("/rest/api/3/issuetype/" + t.Id),
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["subtask"] = false,
            ["statuses"] = statuses.DeepClone(),
        })));
    }

    private static IResult NoProject(string projectIdOrKey) =>
        JiraErrors.NotFound($"No project could be found with key '{projectIdOrKey}'.");

    private static HashSet<string> Expand(HttpContext context) => JiraQuery.List(context.Request.Query["expand"]);
}

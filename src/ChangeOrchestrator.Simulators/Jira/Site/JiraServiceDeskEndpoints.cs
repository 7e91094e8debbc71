using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary><c>GET /rest/servicedeskapi/servicedesk</c>: the site's one service desk, linking the JSM id to the project.</summary>
internal static class JiraServiceDeskEndpoints
{
    public static void Map(IEndpointRouteBuilder rest) => rest.MapGet("/servicedeskapi/servicedesk", (HttpContext context, JiraSite site) =>
    {
        var links = JiraLinks.From(context);
        var project = site.Project;
        var desk = new JsonObject
        {
            ["id"] = project.ServiceDeskId,
            ["projectId"] = project.Id,
            ["projectName"] = project.Name,
            ["projectKey"] = project.Key,
            ["_links"] = new JsonObject { ["self"] = links.Api("/rest/servicedeskapi/servicedesk/" + project.ServiceDeskId) },
        };
        return JiraResults.Json(new JsonObject
        {
            ["size"] = 1,
            ["start"] = 0,
            ["limit"] = 50,
            ["isLastPage"] = true,
            ["values"] = new JsonArray(desk),
            ["_links"] = new JsonObject { ["base"] = links.SiteBase, ["context"] = "" },
        });
    });
}

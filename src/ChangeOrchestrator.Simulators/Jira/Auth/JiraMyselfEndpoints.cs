using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Auth;

/// <summary>
/// <c>GET /rest/api/3/myself</c> (what connectors call at start-up to prove their credentials) and the unauthenticated
/// <c>/_edge/tenant_info</c> that gives the cloudId for the gateway URL.
/// </summary>
internal static class JiraMyselfEndpoints
{
    public static void Map(IEndpointRouteBuilder rest) => rest.MapGet("/api/3/myself", (HttpContext context) =>
    {
        var account = context.JiraAccount();
        var links = JiraLinks.From(context);
        var json = JiraUserJson.Render(account, links);
        json["locale"] = "en_US";
        json["groups"] = new JsonObject { ["size"] = 0, ["items"] = new JsonArray() };
        json["applicationRoles"] = new JsonObject { ["size"] = 1, ["items"] = new JsonArray() };
        return JiraResults.Json(json);
    });

    public static void MapTenantInfo(IEndpointRouteBuilder site) =>
        site.MapGet("/_edge/tenant_info", (JiraSite jira) => JiraResults.Json(new JsonObject { ["cloudId"] = jira.CloudId }));
}

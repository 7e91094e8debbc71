using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.Server.Api;

/// <summary><c>GET /api/activities</c> (the activity catalogue) and <c>GET /api/schema/workflow</c> (the file format's JSON Schema).</summary>
internal static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/activities", (ActivityCatalogue catalogue) => TypedResults.Text(catalogue.ToJson(), "application/json")).WithTags("Activities").RequireAuthorization(Roles.Viewer);
        endpoints.MapGet("/api/schema/workflow", () => TypedResults.Text(WorkflowSchema.Json, "application/schema+json")).WithTags("Definitions").RequireAuthorization(Roles.Viewer);
        return endpoints;
    }
}

using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Web.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// <c>/api/admin/api-keys</c> (Admin): list the keys, issue one (the answer is the only place the key appears; the
/// server keeps its hash) and revoke one, which refuses it on every node from the next request.
/// </summary>
internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/api-keys").WithTags("API keys").RequireAuthorization(Roles.Admin);
        group.MapGet("/", async (IApiKeyAdministration keys, CancellationToken cancellationToken) =>
            TypedResults.Ok(new ApiKeyList(await keys.ListAsync(cancellationToken))));
        group.MapPost("/", CreateAsync).Audited("apikey.create", "apikey");
        group.MapPost("/{id}/revoke", RevokeAsync).Audited("apikey.revoke", "apikey", "id").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Created<ApiKeyCreated>, ValidationProblem>> CreateAsync(NewApiKey request, HttpContext context, IApiKeyAdministration keys, CancellationToken cancellationToken)
    {
        var issue = await keys.CreateAsync(request, context.User.Identity?.Name ?? "unknown", cancellationToken);
        if (!issue.Succeeded)
        {
            return TypedResults.ValidationProblem(
                issue.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                title: $"Invalid '{issue.Errors.Keys.First()}'");
        }

        context.Audit().ObjectId = issue.Summary!.Id;
        context.Audit().Detail = issue.Summary.Name;
        return TypedResults.Created($"/api/admin/api-keys/{issue.Summary.Id}", new ApiKeyCreated(issue.Key!, issue.Summary));
    }

    private static async Task<Results<Ok<ApiKeySummary>, ProblemHttpResult>> RevokeAsync(string id, HttpContext context, IApiKeyAdministration keys, CancellationToken cancellationToken)
    {
        var revoked = await keys.RevokeAsync(id, context.User.Identity?.Name ?? "unknown", cancellationToken);
        return revoked is null
            ? TypedResults.Problem(title: "API key not found", detail: $"No issued API key has the id '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(revoked);
    }
}

using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Api;

/// <summary><c>/api/definitions</c>: list, get, validate, publish and export workflow definitions.</summary>
internal static class DefinitionsEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Roles.Viewer);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/export", ExportAsync).Produces<JsonObject>(contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/validate", ValidateAsync).Accepts<JsonObject>("application/json").RequireAuthorization(Roles.Designer)
            .WithMetadata(DefinitionBody.Instance).Audited("definition.validate", "definition")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/", PublishAsync).Accepts<JsonObject>("application/json").RequireAuthorization(Roles.Designer)
            .WithMetadata(DefinitionBody.Instance).Audited("definition.publish", "definition")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    private static async Task<Ok<IEnumerable<DefinitionSummary>>> ListAsync(IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListLatestAsync(cancellationToken)).Select(DefinitionSummary.From));

    private static async Task<Results<Ok<DefinitionDetail>, ProblemHttpResult>> GetAsync(
        string id, int? version, IWorkflowDefinitionStore store, AllowedValueSources sources, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(id, version, cancellationToken);
        return stored is null
            ? NotFound(id, version)
            : TypedResults.Ok(new DefinitionDetail(
                DefinitionSummary.From(stored),
                JsonNode.Parse(stored.Json),
                await DefinitionContract.DescribeAsync(stored.Definition, sources, cancellationToken)));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportAsync(string id, int? version, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(id, version, cancellationToken);
        return stored is null ? NotFound(id, version) : TypedResults.Text(stored.Json, "application/json");
    }

    private static async Task<Results<Ok<DefinitionValidation>, ProblemHttpResult>> ValidateAsync(HttpRequest request, WorkflowDefinitionLoader loader, CancellationToken cancellationToken)
    {
        var json = await RequestBody.ReadTextAsync(request, RequestBody.MaxDefinitionBytes, cancellationToken);
        if (json is null)
        {
            return DefinitionProblems.TooLarge();
        }

        var result = loader.Load(json, "request body");
        return result.IsValid
            ? TypedResults.Ok(new DefinitionValidation(true, result.Definition!.Id, result.Definition.Activities.Count))
            : DefinitionProblems.Invalid(result.Errors);
    }

    private static async Task<Results<Created<DefinitionSummary>, Ok<DefinitionSummary>, ProblemHttpResult>> PublishAsync(HttpRequest request, DefinitionPublisher publisher, CancellationToken cancellationToken)
    {
        var json = await RequestBody.ReadTextAsync(request, RequestBody.MaxDefinitionBytes, cancellationToken);
        if (json is null)
        {
            return DefinitionProblems.TooLarge();
        }

        var result = await publisher.PublishAsync(json, "request body", cancellationToken);
        if (result.Stored is not { } stored)
        {
            return DefinitionProblems.Invalid(result.Errors);
        }

        var summary = DefinitionSummary.From(stored);
        var audit = request.HttpContext.Audit();
        audit.ObjectId = stored.Definition.Id;
        audit.Detail = $"version {stored.Definition.Version}{(result.Changed ? "" : ", unchanged")}";
        return result.Changed
            ? TypedResults.Created($"/api/definitions/{stored.Definition.Id}?version={stored.Definition.Version}", summary)
            : TypedResults.Ok(summary);
    }

    private static ProblemHttpResult NotFound(string id, int? version) => TypedResults.Problem(
        title: "Workflow definition not found",
        detail: version is { } v ? $"Workflow '{id}' has no version {v}." : $"Workflow '{id}' does not exist.",
        statusCode: StatusCodes.Status404NotFound);
}

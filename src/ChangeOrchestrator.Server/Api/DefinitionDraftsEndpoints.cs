using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Persistence.Drafts;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ChangeOrchestrator.Server.Api;

/// <summary>
/// <c>/api/definitions/{id}/draft</c>: the designer's draft of a workflow, read and saved through the same draft store
/// as the designer, with the same optimistic concurrency: a save names the revision it started from (<c>If-Match</c>,
/// the ETag a read answered; none when there is no draft yet) and is refused with 409 when someone saved a newer one.
/// </summary>
internal static class DefinitionDraftsEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionDraftsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/definitions/{id}/draft").WithTags("Definitions").RequireAuthorization(Roles.Designer);
        group.MapGet("/", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", SaveAsync).Accepts<JsonObject>("application/json")
            .WithMetadata(DefinitionBody.Instance).Audited("definition.draft", "definition", "id")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    private static async Task<Results<Ok<DefinitionDraft>, ProblemHttpResult>> GetAsync(
        string id, HttpResponse response, IDraftStore drafts, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(id, cancellationToken);
        if (draft is null)
        {
            return TypedResults.Problem(title: "No draft", detail: $"Workflow '{id}' has no saved draft.", statusCode: StatusCodes.Status404NotFound);
        }

        response.Headers.ETag = ETag(draft.Revision);
        return TypedResults.Ok(DefinitionDraft.From(draft));
    }

    private static async Task<Results<Ok<DefinitionDraft>, ProblemHttpResult>> SaveAsync(
        string id, HttpRequest request, IDraftStore drafts, IWorkflowDefinitionStore definitions, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryExpectedRevision(request, out var expectedRevision))
        {
            return BadRequest($"The If-Match header must be the ETag a read of the draft answered (e.g. \"3\"), or absent when there is no draft yet; it was {request.Headers.IfMatch}.");
        }

        var text = await RequestBody.ReadTextAsync(request, RequestBody.MaxDefinitionBytes, cancellationToken);
        if (text is null)
        {
            return DefinitionProblems.TooLarge();
        }

        // A draft is work in progress and need not validate, but it must be a workflow file of this workflow.
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            return BadRequest($"request body: $: not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}).");
        }

        if (body is not JsonObject workflow)
        {
            return BadRequest("request body: $: a workflow definition must be a JSON object.");
        }

        if (workflow["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var bodyId) || bodyId != id)
        {
            return BadRequest($"request body: $.id: must be '{id}', the workflow in the path.");
        }

        var audit = request.HttpContext.Audit();
        audit.ObjectId = id;
        var user = request.HttpContext.User.Identity?.Name ?? "unknown";
        var published = await definitions.FindAsync(id, null, cancellationToken);
        var saved = await drafts.SaveAsync(id, text, expectedRevision, published?.Definition.Version, user, time.GetUtcNow(), cancellationToken);
        if (saved is null)
        {
            var current = await drafts.FindAsync(id, cancellationToken);
            audit.Detail = $"stale: revision {expectedRevision}";
            return TypedResults.Problem(
                title: "A newer draft was saved",
                detail: current is null
                    ? $"The draft of '{id}' at revision {expectedRevision} was published or discarded meanwhile; read the workflow again."
                    : $"{current.SavedBy} saved revision {current.Revision} of '{id}' at {current.SavedAt.ToString("u", CultureInfo.InvariantCulture)}, after revision {expectedRevision}; nothing was saved.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>
                {
                    ["revision"] = current?.Revision,
                    ["savedBy"] = current?.SavedBy,
                    ["savedAt"] = current?.SavedAt,
                });
        }

        audit.Detail = $"revision {saved.Revision}";
        request.HttpContext.Response.Headers.ETag = ETag(saved.Revision);
        return TypedResults.Ok(DefinitionDraft.From(saved));
    }

    /// <summary>The revision If-Match names: a quoted number (a weak tag is accepted too); 0 when absent.</summary>
    private static bool TryExpectedRevision(HttpRequest request, out int revision)
    {
        revision = 0;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return true;
        }

        return EntityTagHeaderValue.TryParse(header, out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out revision)
            && revision > 0;
    }

    private static string ETag(int revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "The draft cannot be saved", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}

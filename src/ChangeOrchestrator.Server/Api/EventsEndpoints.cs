using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Api;

/// <summary><c>POST /api/events/{kind}/{key}</c>: a stimulus that resumes every matching bookmark, or waits for one.</summary>
internal static class EventsEndpoints
{
    private const int MaxSegment = 200;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/events/{kind}/{key}", RaiseAsync).WithTags("Events").RequireAuthorization(Roles.Operator)
            .Audited("event.raise", "event", "kind", "key").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    private static async Task<Results<Accepted<RaiseEventResult>, ValidationProblem, ProblemHttpResult>> RaiseAsync(
        string kind, string key, HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (kind.Length > MaxSegment || key.Length > MaxSegment)
        {
            return ApiProblems.Field(kind.Length > MaxSegment ? "kind" : "key", $"must be at most {MaxSegment} characters");
        }

        JsonNode? payload = null;
        if (request.ContentLength is not 0)
        {
            var text = await RequestBody.ReadTextAsync(request, 256 * 1024, cancellationToken);
            if (text is null)
            {
                return TypedResults.Problem(title: "The payload is too large", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            if (text.Length > 0)
            {
                try
                {
                    payload = JsonNode.Parse(text);
                }
                catch (System.Text.Json.JsonException ex)
                {
                    return ApiProblems.Field("body", $"is not valid JSON: {ex.Message}");
                }
            }
        }

        var stimulusId = request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await runtime.RaiseEventAsync(kind, key, payload, stimulusId, cancellationToken);
        return TypedResults.Accepted((string?)null, result);
    }
}

using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Api;

/// <summary><c>/api/instances</c>: start, read, list, cancel and retry instances, and read their journals.</summary>
internal static class InstancesEndpoints
{
    private const int MaxPageSize = 500;
    private const int MaxReferenceLength = 200;

    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(Roles.Viewer);
        // Refusals the exception handler turns into problems: an unknown workflow or instance (404), a state that
        // does not allow the call (409), an instance busy on another node (503).
        group.MapPost("/", StartAsync).RequireAuthorization(Roles.Operator).Audited("instance.start", "instance")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/journal", JournalAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapInstanceResults();
        group.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(Roles.Operator).Audited("instance.cancel", "instance", "id")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{id}/retry", RetryAsync).RequireAuthorization(Roles.Operator).Audited("instance.retry", "instance", "id")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Created<InstanceResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(StartInstanceRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            return ApiProblems.Field("definitionId", "is required");
        }

        // The binder does not apply the request's [MaxLength]s, so they are checked here.
        if (request.CorrelationId is { Length: > MaxReferenceLength } || request.RequestId is { Length: > MaxReferenceLength })
        {
            return ApiProblems.Field(request.CorrelationId is { Length: > MaxReferenceLength } ? "correlationId" : "requestId", $"must be at most {MaxReferenceLength} characters");
        }

        var instanceId = request.RequestId is { Length: > 0 } requestId ? InstanceIdFor(requestId) : null;
        var instance = await runtime.StartAsync(
            new StartWorkflowRequest
            {
                DefinitionId = request.DefinitionId,
                Version = request.Version,
                Input = request.Input ?? [],
                CorrelationId = request.CorrelationId,
                InstanceId = instanceId,
            },
            cancellationToken);

        if (instanceId is not null && instance.DefinitionId != request.DefinitionId)
        {
            return TypedResults.Problem(
                title: "Request id already used",
                detail: $"Request id '{request.RequestId}' started an instance of '{instance.DefinitionId}', not '{request.DefinitionId}'.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Created($"/api/instances/{instance.Id}", InstanceResponse.From(instance));
    }

    // The console's instances page filters through the same query, with the same meaning of each filter.
    private static async Task<Results<Ok<InstanceList>, ValidationProblem>> ListAsync(
        string? status, string? definitionId, string? correlationId, string? reference, string? waitingActivity,
        DateTimeOffset? from, DateTimeOffset? to, string? after, int? limit,
        IWorkflowInstanceQueries queries, CancellationToken cancellationToken)
    {
        InstanceStatus? parsedStatus = null;
        if (status is not null)
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var value) || int.TryParse(status, out _))
            {
                return ApiProblems.Field("status", $"'{status}' is not one of: {string.Join(", ", Enum.GetNames<InstanceStatus>())}");
            }

            parsedStatus = value;
        }

        if (limit is < 1 or > MaxPageSize)
        {
            return ApiProblems.Field("limit", $"must be between 1 and {MaxPageSize}");
        }

        if (from is { } start && to is { } end && end <= start)
        {
            return ApiProblems.Field("to", "must be later than 'from'");
        }

        if (Blank(reference) is { Length: > MaxReferenceLength } || Blank(waitingActivity) is { Length: > MaxReferenceLength })
        {
            return ApiProblems.Field(reference is { Length: > MaxReferenceLength } ? "reference" : "waitingActivity", $"must be at most {MaxReferenceLength} characters");
        }

        var page = await queries.ListAsync(
            new InstanceQuery
            {
                Status = parsedStatus,
                DefinitionId = Blank(definitionId),
                CorrelationId = Blank(correlationId),
                Reference = Blank(reference),
                WaitingActivity = Blank(waitingActivity),
                CreatedFrom = from,
                CreatedBefore = to,
                After = Blank(after),
                Limit = limit ?? 50,
            },
            cancellationToken);
        return TypedResults.Ok(new InstanceList(page.Items.Select(InstanceResponse.From), page.Next));
    }

    private static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> GetAsync(string id, IWorkflowInstanceStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } instance ? TypedResults.Ok(InstanceResponse.From(instance)) : ApiProblems.InstanceNotFound(id);

    private static async Task<Results<Ok<JournalPage>, ValidationProblem, ProblemHttpResult>> JournalAsync(string id, long? after, int? limit, IWorkflowInstanceStore store, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return ApiProblems.Field("limit", $"must be between 1 and {MaxPageSize}");
        }

        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return ApiProblems.InstanceNotFound(id);
        }

        var entries = await store.GetJournalAsync(id, after ?? 0, limit ?? 100, cancellationToken);
        return TypedResults.Ok(new JournalPage(entries, entries.Count == (limit ?? 100) ? entries[^1].Sequence : null));
    }

    private static async Task<Ok<InstanceResponse>> CancelAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        TypedResults.Ok(InstanceResponse.From(await runtime.CancelAsync(id, cancellationToken)));

    private static async Task<Ok<InstanceResponse>> RetryAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        TypedResults.Ok(InstanceResponse.From(await runtime.RetryAsync(id, cancellationToken)));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A request id maps to one instance id, so a retried start finds the instance it already created.</summary>
    private static string InstanceIdFor(string requestId) =>
        "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))[..31];
}

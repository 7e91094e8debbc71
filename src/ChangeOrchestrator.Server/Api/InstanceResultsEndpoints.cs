using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Api;

/// <summary>
/// <c>/api/instances/{id}/results</c>: the per-server lists of an instance's steps, a keyset page at a time, filtered
/// by activity, list, server and state; <c>/results/lists</c> names the lists with their counts.
/// </summary>
internal static class InstanceResultsEndpoints
{
    private const int MaxFilterLength = 200;

    public static RouteGroupBuilder MapInstanceResults(this RouteGroupBuilder instances)
    {
        instances.MapGet("/{id}/results", ReadAsync).ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapGet("/{id}/results/lists", ListsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return instances;
    }

    private static async Task<Results<Ok<ResultPage>, ValidationProblem, ProblemHttpResult>> ReadAsync(
        string id, string? activity, string? name, string? server, string? state, string? after, int? limit,
        IWorkflowInstanceStore instances, IStepResultStore results, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > ResultQuery.MaxLimit)
        {
            return ApiProblems.Field("limit", $"must be between 1 and {ResultQuery.MaxLimit}");
        }

        foreach (var (field, value) in new[] { ("activity", activity), ("name", name), ("server", server), ("state", state) })
        {
            if (value is { Length: > MaxFilterLength })
            {
                return ApiProblems.Field(field, $"must be at most {MaxFilterLength} characters");
            }
        }

        ResultKey? key = null;
        if (!string.IsNullOrEmpty(after) && (key = ResultKey.Parse(after)) is null)
        {
            return ApiProblems.Field("after", "is not a page token this API returned");
        }

        if (await instances.FindAsync(id, cancellationToken) is null)
        {
            return ApiProblems.InstanceNotFound(id);
        }

        var page = await results.ReadAsync(
            new ResultQuery(id)
            {
                Activity = Blank(activity),
                Name = Blank(name),
                Server = Blank(server),
                State = Blank(state),
                After = key,
                Limit = limit ?? 50,
            },
            cancellationToken);
        // The stored page is the answer: each item's fields are the ones the API shows.
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<IReadOnlyList<ResultListSummary>>, ProblemHttpResult>> ListsAsync(string id, IWorkflowInstanceStore instances, IStepResultStore results, CancellationToken cancellationToken)
    {
        if (await instances.FindAsync(id, cancellationToken) is null)
        {
            return ApiProblems.InstanceNotFound(id);
        }

        return TypedResults.Ok(await results.ListsAsync(id, cancellationToken));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

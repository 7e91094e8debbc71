using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Server.Http;

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
        instances.MapGet("/{id}/results", ReadAsync);
        instances.MapGet("/{id}/results/lists", ListsAsync);
        return instances;
    }

    private static async Task<IResult> ReadAsync(
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
        return TypedResults.Ok(new
        {
            items = page.Items.Select(i => new { activity = i.Activity, name = i.Name, ordinal = i.Ordinal, serverId = i.ServerId, state = i.State, data = i.Data }),
            next = page.Next,
        });
    }

    private static async Task<IResult> ListsAsync(string id, IWorkflowInstanceStore instances, IStepResultStore results, CancellationToken cancellationToken)
    {
        if (await instances.FindAsync(id, cancellationToken) is null)
        {
            return ApiProblems.InstanceNotFound(id);
        }

        var lists = await results.ListsAsync(id, cancellationToken);
        return TypedResults.Ok(lists.Select(l => new { activity = l.Activity, name = l.Name, count = l.Count }));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

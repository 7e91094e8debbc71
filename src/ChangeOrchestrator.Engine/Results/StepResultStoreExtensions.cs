using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Results;

public static class StepResultStoreExtensions
{
    private const int PageSize = 2_000;

    /// <summary>The items of a committed list (or of every part of a reference), read a page at a time.</summary>
    public static async IAsyncEnumerable<JsonNode?> ReadListAsync(
        this IStepResultStore store, string instanceId, JsonObject reference, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (activity, name, inline) in ResultReference.Parts(reference))
        {
            if (inline is not null)
            {
                foreach (var item in inline)
                {
                    yield return item?.DeepClone();
                }

                continue;
            }

            await foreach (var item in store.ReadListAsync(instanceId, activity, name, cancellationToken))
            {
                yield return item;
            }
        }
    }

    public static async IAsyncEnumerable<JsonNode?> ReadListAsync(
        this IStepResultStore store, string instanceId, string activity, string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ResultKey? after = null;
        do
        {
            var page = await store.ReadAsync(new ResultQuery(instanceId) { Activity = activity, Name = name, After = after, Limit = PageSize }, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item.Data;
            }

            after = page.Next is { } next ? ResultKey.Parse(next) : null;
        }
        while (after is not null);
    }
}

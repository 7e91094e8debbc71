namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// Runs one call per item with up to <c>Aws:MaxConcurrentCalls</c> in flight, the results in the items' order. The
/// buckets under the SDK clients set the pace; this only bounds what waits for them. Cancellation (the caller's, or
/// the burst's lease lost) stops it from starting another call; the first failure stops it too and is thrown.
/// </summary>
internal static class FanOut
{
    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int concurrency, Func<TItem, CancellationToken, ValueTask<TResult>> call, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        if (items.Count == 1)
        {
            results[0] = await call(items[0], cancellationToken);
            return results;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (index, token) =>
        {
            results[index] = await call(items[index], token);
        });
        return results;
    }
}

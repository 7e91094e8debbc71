using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>Closed-loop load: a fixed number of workers each run the next operation as soon as their last one ends.</summary>
internal static class ConcurrentLoad
{
    /// <returns>Wall time from the first operation's start to the last one's end.</returns>
    public static async Task<TimeSpan> RunAsync(int count, int concurrency, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var next = new StrongBox<int>(-1);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next.Value)) < count)
            {
                await operation(index, cancellationToken);
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return Stopwatch.GetElapsedTime(started);
    }

    public static double PerSecond(int count, TimeSpan elapsed) => count / elapsed.TotalSeconds;
}

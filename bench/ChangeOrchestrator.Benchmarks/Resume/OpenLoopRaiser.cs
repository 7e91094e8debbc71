using System.Diagnostics;
using ChangeOrchestrator.Engine.Runtime;

namespace ChangeOrchestrator.Benchmarks.Resume;

/// <summary>
/// Raises one event per key at a fixed offered rate, whether or not earlier ones finished (open loop), with at most
/// <see cref="MaxInFlight"/> calls at once, like a webhook receiver with a bounded worker pool. Each event's latency
/// is counted from the moment it was due, so time spent queued behind slow calls is not hidden.
/// </summary>
internal static class OpenLoopRaiser
{
    public const int MaxInFlight = 64;

    /// <returns>The due timestamp of each key's event, in key order.</returns>
    /// <exception cref="InvalidOperationException">An event did not resume exactly one instance.</exception>
    public static async Task<long[]> RaiseAsync(WorkflowRuntime runtime, IReadOnlyList<string> keys, int ratePerSecond, CancellationToken cancellationToken)
    {
        var due = new long[keys.Count];
        var calls = new Task[keys.Count];
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var period = (double)Stopwatch.Frequency / ratePerSecond;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < keys.Count; i++)
        {
            due[i] = start + (long)(i * period);
            await WaitUntilAsync(due[i], cancellationToken);
            var key = keys[i];
            calls[i] = Task.Run(async () =>
            {
                await inFlight.WaitAsync(cancellationToken);
                try
                {
                    var result = await runtime.RaiseEventAsync(ResumeFlow.EventKind, key, payload: null, stimulusId: null, cancellationToken);
                    if (result.Resumed != 1)
                    {
                        throw new InvalidOperationException($"Event for {key} resumed {result.Resumed} instances (buffered: {result.Buffered}); expected 1.");
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken);
        }

        await Task.WhenAll(calls);
        return due;
    }

    public static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() is var now && now < timestamp)
        {
            var remaining = TimeSpan.FromSeconds((double)(timestamp - now) / Stopwatch.Frequency);
            if (remaining > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(remaining - TimeSpan.FromMilliseconds(1), cancellationToken);
            }
            else
            {
                // Task.Delay's granularity is about a millisecond: the last stretch is yielded away instead.
                Thread.Yield();
            }
        }
    }
}

using System.Diagnostics;
using System.Net;
using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// Events raised through <c>POST /api/events/tick/{key}</c> at a fixed rate, open loop, round-robin over the ticker
/// instances. The call returns once the engine has resumed the instance and committed it, so its time is the resume's
/// as a client sees it.
/// </summary>
internal static class EventLoad
{
    private const int MaxInFlight = 64;

    /// <returns>The milliseconds of each call, from the moment it was due to its answer.</returns>
    public static async Task<IReadOnlyList<double>> RunAsync(
        HttpClient client, IReadOnlyList<string> keys, int perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var times = new double[total];
        var calls = new List<Task>(total);
        using var slots = new SemaphoreSlim(MaxInFlight);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await slots.WaitAsync(cancellationToken);
            var index = i;
            calls.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        using var response = await client.PostAsync($"api/events/{TickerWorkflow.Kind}/{keys[index % keys.Count]}", null, cancellationToken);
                        if (response.StatusCode != HttpStatusCode.Accepted)
                        {
                            throw new InvalidOperationException($"Raising a tick answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                        }

                        times[index] = (Stopwatch.GetElapsedTime(started) - due).TotalMilliseconds;
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(calls);
        return times;
    }

    public static IEnumerable<Figure> Figures(string name, IReadOnlyList<double> times) =>
    [
        new Figure($"{name}.p50", "ms", Statistics.Percentile(times, 50)),
        new Figure($"{name}.p99", "ms", Statistics.Percentile(times, 99)),
    ];
}

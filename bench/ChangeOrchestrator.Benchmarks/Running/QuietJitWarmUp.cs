using System.Diagnostics;
using System.Runtime;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// Warms code that runs in the bench's own process until the JIT is quiet: rounds of work, each held for
/// <see cref="RoundTime"/>, until a round compiles at most <see cref="QuietMethods"/> methods, or
/// <see cref="MostRounds"/> rounds. A fixed count of warm-up operations is not enough: the tiered JIT recompiles a hot
/// path in the background well after its first calls, and a measured window of a few hundred operations then shares the
/// two cores with it (a window of 10,000 starts on PostgreSQL right after a shorter warm-up saw 973 methods compiled,
/// 2.5 s of JIT time in 4 s).
/// </summary>
internal static class QuietJitWarmUp
{
    /// <summary>A round that compiled at most this many methods ends the warm-up.</summary>
    public const int QuietMethods = 20;

    public const int MostRounds = 12;

    public static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(500);

    /// <summary>Methods the runtime has compiled so far, on every thread: the JIT's and the tiering thread's.</summary>
    public static long CompiledMethods() => JitInfo.GetCompiledMethodCount(currentThread: false);

    /// <summary>Repeats <paramref name="batch"/> in rounds until the JIT is quiet; returns the rounds and the last round's methods.</summary>
    public static async Task<WarmUpOutcome> RunAsync(Func<CancellationToken, Task> batch, CancellationToken cancellationToken)
    {
        var rounds = 0;
        var last = long.MaxValue;
        while (last > QuietMethods && rounds < MostRounds)
        {
            var before = CompiledMethods();
            var started = Stopwatch.GetTimestamp();
            do
            {
                await batch(cancellationToken);
            }
            while (Stopwatch.GetElapsedTime(started) < RoundTime);

            last = CompiledMethods() - before;
            rounds++;
        }

        return new WarmUpOutcome(rounds, last);
    }

    /// <summary>The time <paramref name="measure"/> returns, and the methods compiled while it ran.</summary>
    public static async Task<(TimeSpan Elapsed, long Compiled)> CountingAsync(Func<Task<TimeSpan>> measure)
    {
        var before = CompiledMethods();
        var elapsed = await measure();
        return (elapsed, CompiledMethods() - before);
    }
}

/// <summary>How a warm-up ended: the rounds it took and the methods compiled in its last round.</summary>
internal sealed record WarmUpOutcome(int Rounds, long LastRoundMethods);

using System.Diagnostics;
using System.Runtime;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// Warms code that runs in the bench's own process until the JIT is quiet: rounds of work, each held for
/// <see cref="RoundTime"/>, until <see cref="QuietRoundsInARow"/> rounds in a row each compile at most
/// <see cref="QuietMethods"/> methods, or <see cref="MostRounds"/> rounds. A fixed count of warm-up operations is not
/// enough: the tiered JIT recompiles a hot path in the background well after its first calls (dynamic PGO compiles it
/// twice more), and a measured window then shares the two cores with it. Starting the ten-activity flow on PostgreSQL
/// in windows of 6,000 at 4 starters, the first five windows compiled 200–700 methods each and ran at 3,100–3,800
/// starts/s; from the sixth on, 0–26 methods and 3,800–4,700 starts/s. One quiet round can fall in a pause of the
/// tiering, hence more than one.
/// </summary>
internal static class QuietJitWarmUp
{
    /// <summary>A round that compiled at most this many methods ends the warm-up.</summary>
    public const int QuietMethods = 20;

    public const int QuietRoundsInARow = 2;

    public const int MostRounds = 20;

    public static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(500);

    /// <summary>Methods the runtime has compiled so far, on every thread: the JIT's and the tiering thread's.</summary>
    private static long CompiledMethods() => JitInfo.GetCompiledMethodCount(currentThread: false);

    /// <summary>Repeats <paramref name="batch"/> in rounds until the JIT is quiet; returns the rounds it took.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task> batch, CancellationToken cancellationToken)
    {
        var rounds = 0;
        var quietInARow = 0;
        while (quietInARow < QuietRoundsInARow && rounds < MostRounds)
        {
            var before = CompiledMethods();
            var started = Stopwatch.GetTimestamp();
            do
            {
                await batch(cancellationToken);
            }
            while (Stopwatch.GetElapsedTime(started) < RoundTime);

            quietInARow = CompiledMethods() - before <= QuietMethods ? quietInARow + 1 : 0;
            rounds++;
        }

        return rounds;
    }

    /// <summary>The time <paramref name="measure"/> returns, and the methods compiled while it ran.</summary>
    public static async Task<(TimeSpan Elapsed, long Compiled)> CountingAsync(Func<Task<TimeSpan>> measure)
    {
        var before = CompiledMethods();
        var elapsed = await measure();
        return (elapsed, CompiledMethods() - before);
    }
}

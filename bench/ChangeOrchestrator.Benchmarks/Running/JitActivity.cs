using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// How many methods another .NET process compiled during some work, read from outside through its event pipe (the
/// JIT's method-load events, tier-0 compiles and the tiered compiler's later optimised recompiles alike). A server's
/// first minutes are spent recompiling its hot paths in the background, on the same cores as its work: a load timed
/// then pays for compilation, not for what it measures.
/// </summary>
internal static class JitActivity
{
    /// <summary>Runs <paramref name="work"/> and lists the methods <paramref name="server"/> compiled while it ran (namespace-qualified name, tier).</summary>
    public static async Task<IReadOnlyList<string>> MethodsCompiledDuringAsync(ChildProcess server, Func<Task> work, CancellationToken cancellationToken)
    {
        var compiled = new List<string>();
        await RuntimeEvents.DuringAsync(
            server,
            EventLevel.Verbose,
            ClrTraceEventParser.Keywords.Jit,
            clr => clr.MethodLoadVerbose += e =>
            {
                lock (compiled)
                {
                    compiled.Add($"{e.MethodNamespace}::{e.MethodName} ({e.OptimizationTier})");
                }
            },
            async () =>
            {
                await work();
                return true;
            },
            cancellationToken);
        lock (compiled)
        {
            return [.. compiled];
        }
    }

    /// <summary>
    /// Runs <paramref name="cycle"/> (given its number, from 0) until a cycle finds <paramref name="server"/> compiling
    /// at most <paramref name="quietMethods"/> methods, or <paramref name="mostCycles"/> cycles; <paramref name="compiled"/>
    /// hears each cycle's methods. Returns the cycles run and the methods compiled during the last.
    /// </summary>
    public static async Task<(int Cycles, int LastCycle)> WarmUpAsync(
        ChildProcess server, int quietMethods, int mostCycles, Func<int, Task> cycle, Action<int, IReadOnlyList<string>>? compiled, CancellationToken cancellationToken)
    {
        var last = int.MaxValue;
        var cycles = 0;
        while (last > quietMethods && cycles < mostCycles)
        {
            var number = cycles;
            var methods = await MethodsCompiledDuringAsync(server, () => cycle(number), cancellationToken);
            compiled?.Invoke(number, methods);
            last = methods.Count;
            cycles++;
        }

        return (cycles, last);
    }
}

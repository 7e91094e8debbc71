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
}

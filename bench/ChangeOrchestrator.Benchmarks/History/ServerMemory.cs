using System.Diagnostics.Tracing;
using ChangeOrchestrator.Benchmarks.Running;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ChangeOrchestrator.Benchmarks.History;

/// <summary>
/// Another .NET process's memory, read from outside as <c>dotnet-gcdump</c> does: an EventPipe session asking for
/// the GC heap makes the runtime run a full blocking collection, whose heap statistics event gives what survived it.
/// The working set is read right after, from the operating system.
/// </summary>
internal static class ServerMemory
{
    private const double MiB = 1024 * 1024;

    /// <exception cref="TimeoutException">The process sent no heap statistics after the collection.</exception>
    public static async Task<(double WorkingSetMiB, double GcHeapMiB)> ReadAsync(ChildProcess server, CancellationToken cancellationToken)
    {
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullCollection = false;
        var heapBytes = await RuntimeEvents.DuringAsync(
            server,
            EventLevel.Informational,
            ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect,
            clr =>
            {
                clr.GCStart += e => fullCollection |= e.Depth == 2;
                clr.GCHeapStats += e =>
                {
                    if (fullCollection)
                    {
                        heap.TrySetResult(e.TotalHeapSize);
                    }
                };
            },
            () => heap.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken),
            cancellationToken);
        return (server.WorkingSetBytes() / MiB, heapBytes / MiB);
    }
}

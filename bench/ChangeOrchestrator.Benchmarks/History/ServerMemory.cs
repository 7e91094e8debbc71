using System.Diagnostics.Tracing;
using ChangeOrchestrator.Benchmarks.Running;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
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
        var client = new DiagnosticsClient(server.Id);
        var provider = new EventPipeProvider(
            ClrTraceEventParser.ProviderName,
            EventLevel.Informational,
            (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect));
        using var session = client.StartEventPipeSession(provider, requestRundown: false, circularBufferMB: 16);
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new EventPipeEventSource(session.EventStream);
        var fullCollection = false;
        source.Clr.GCStart += e => fullCollection |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (fullCollection)
            {
                heap.TrySetResult(e.TotalHeapSize);
            }
        };
        var processing = Task.Run(source.Process, cancellationToken);
        try
        {
            var heapBytes = await heap.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return (server.WorkingSetBytes() / MiB, heapBytes / MiB);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing;
        }
    }
}

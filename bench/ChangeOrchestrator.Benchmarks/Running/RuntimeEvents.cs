using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// Another .NET process's runtime events, read from outside through its event pipe as <c>dotnet-trace</c> reads them:
/// the events asked for are delivered to the handlers while some work runs, and the session ends with the work.
/// </summary>
internal static class RuntimeEvents
{
    public static async Task<T> DuringAsync<T>(
        ChildProcess process, EventLevel level, ClrTraceEventParser.Keywords keywords, Action<ClrTraceEventParser> subscribe, Func<Task<T>> work,
        CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(process.Id);
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, level, (long)keywords);
        using var session = client.StartEventPipeSession(provider, requestRundown: false, circularBufferMB: 16);
        using var source = new EventPipeEventSource(session.EventStream);
        subscribe(source.Clr);
        var processing = Task.Run(source.Process, cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing;
        }
    }
}

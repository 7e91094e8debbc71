using System.Text;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>Counts every attempt on a route and journals it, before faults, auth or rate limits can answer.</summary>
internal sealed class JiraRequestLogFilter(JiraRequestLog log, SimulatorClock clock) : IEndpointFilter
{
    private const int MaxJournaledBody = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var entry = new JiraJournalEntry
        {
            Sequence = log.NextSequence(),
            At = clock.UtcNow,
            Route = JiraRouteKey.Of(http),
            Method = request.Method,
            Path = request.Path.Value ?? "",
            Query = request.QueryString.Value ?? "",
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = await ReadBodyAsync(request, http.RequestAborted),
        };
        log.Record(entry);
        var result = await next(context);
        entry.Status = result is IStatusCodeHttpResult { StatusCode: { } status } ? status : http.Response.StatusCode;
        return result;
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any())
        {
            return null;
        }

        // Buffered so the handler can read the body again.
        request.EnableBuffering();
        var buffer = new byte[MaxJournaledBody];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += chunk;
        }

        request.Body.Position = 0;
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}

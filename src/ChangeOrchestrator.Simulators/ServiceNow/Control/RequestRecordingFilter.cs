using System.Globalization;
using System.Text;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Records every request before faults, auth or rate limits act on it: attempts count, not successes.</summary>
internal sealed class RequestRecordingFilter(RequestRecorder recorder, string mountPath) : IEndpointFilter
{
    private const int BodyCaptureLimit = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var body = await CaptureBodyAsync(request, http.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        recorder.Record(RouteKeys.Of(http, mountPath), request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body);
        return await next(context);
    }

    private static async Task<string> CaptureBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return "";
        }

        var isText = request.ContentType is { } type && (type.Contains("json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || type.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));
        if (!isText)
        {
            return $"<{request.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "streamed"} bytes of {request.ContentType}>";
        }

        request.EnableBuffering();
        var buffer = new byte[BodyCaptureLimit];
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

using RestSharp.Interceptors;

namespace ChangeOrchestrator.Connectors.Uploads;

/// <summary>
/// Gives a RestSharp request a body that is written while it is sent. RestSharp's own bodies are byte arrays or
/// strings, and its file parts read from a stream that someone must first fill; this replaces the request's content
/// with a fresh <see cref="HttpContent"/> each time the request is sent (a resend after a renewed token included).
/// </summary>
internal sealed class StreamedUploadInterceptor(Func<HttpContent> body) : Interceptor
{
    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        requestMessage.Content?.Dispose();
        requestMessage.Content = body();
        return ValueTask.CompletedTask;
    }
}

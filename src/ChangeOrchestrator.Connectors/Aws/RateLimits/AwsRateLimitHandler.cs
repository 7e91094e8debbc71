using System.Net;
using System.Text;

namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// Sits under the SDK client, so every HTTP attempt (each page and each SDK retry included) takes a token from its
/// operation's bucket before it goes out, and every throttling answer slows that bucket down. The operation is the
/// <c>X-Amz-Target</c> header for SSM and the form's <c>Action</c> for EC2. The request timeout counts from the
/// moment the token is taken: a wait for the bucket is this process holding a call back, not AWS failing to answer,
/// and counting it made calls queued behind many others time out before they were sent.
/// </summary>
internal sealed class AwsRateLimitHandler(AwsRateLimiter limiter, string service, TimeSpan requestTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = await OperationAsync(request, cancellationToken);
        var bucket = limiter.For(service, operation);
        var ticket = await bucket.TakeAsync(cancellationToken);

        // A burst that lost its lease while it waited stops here, before the call leaves.
        cancellationToken.ThrowIfCancellationRequested();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(requestTimeout);
        try
        {
            var response = await base.SendAsync(request, attempt.Token);

            // Read within the attempt's time, as the client's own timeout would have covered it; AWS answers are pages.
            var received = response.Content;
            response.Content = await SegmentedContent.ReadAsync(received, attempt.Token);
            received.Dispose();
            if (await IsThrottledAsync(response, attempt.Token))
            {
                bucket.Throttled(ticket);
            }
            else if (response.IsSuccessStatusCode)
            {
                bucket.Succeeded();
            }

            return response;
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested)
        {
            // The shape HttpClient gives its own timeout, which the SDK's retry policy knows as transient.
            throw new TaskCanceledException(
                $"The AWS request was cancelled after the request timeout of {requestTimeout.TotalSeconds:0.###} s.",
                new TimeoutException(cancelled.Message, cancelled));
        }
    }

    private async Task<string> OperationAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.FirstOrDefault() is { } target)
        {
            return target[(target.LastIndexOf('.') + 1)..];
        }

        if (request.Content is null)
        {
            return "(none)";
        }

        // Buffered, so the SDK's own write of the body still finds all of it.
        await request.Content.LoadIntoBufferAsync(cancellationToken);
        var form = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return ActionOf(form) ?? "(none)";
    }

    /// <summary>
    /// The form's <c>Action</c>, found in its bytes: a call names up to a thousand ids, and every call comes here, so
    /// the form is neither decoded nor split whole.
    /// </summary>
    private static string? ActionOf(ReadOnlySpan<byte> form)
    {
        var action = "Action="u8;
        while (!form.IsEmpty)
        {
            var end = form.IndexOf((byte)'&');
            var pair = end < 0 ? form : form[..end];
            if (pair.StartsWith(action))
            {
                return Uri.UnescapeDataString(Encoding.UTF8.GetString(pair[action.Length..]));
            }

            form = end < 0 ? [] : form[(end + 1)..];
        }

        return null;
    }

    /// <summary>SSM throttles with 400 and <c>ThrottlingException</c>; EC2 with 503 and <c>RequestLimitExceeded</c>.</summary>
    private static async Task<bool> IsThrottledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
        {
            return false;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("Throttl", StringComparison.OrdinalIgnoreCase) || body.Contains("RequestLimitExceeded", StringComparison.Ordinal)
            || body.Contains("Rate exceeded", StringComparison.OrdinalIgnoreCase);
    }
}

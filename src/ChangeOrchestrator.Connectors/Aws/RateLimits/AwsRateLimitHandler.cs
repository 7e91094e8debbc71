using System.Net;

namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// Sits under the SDK client, so every HTTP attempt (each page and each SDK retry included) takes a token from its
/// operation's bucket before it goes out, and every throttling answer slows that bucket down. The operation is the
/// <c>X-Amz-Target</c> header for SSM and the form's <c>Action</c> for EC2.
/// </summary>
internal sealed class AwsRateLimitHandler(AwsRateLimiter limiter, string service) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = await OperationAsync(request, cancellationToken);
        var bucket = limiter.For(service, operation);
        await bucket.TakeAsync(cancellationToken);

        // A burst that lost its lease while it waited stops here, before the call leaves.
        cancellationToken.ThrowIfCancellationRequested();
        var response = await base.SendAsync(request, cancellationToken);
        if (await IsThrottledAsync(response, cancellationToken))
        {
            bucket.Throttled();
        }
        else if (response.IsSuccessStatusCode)
        {
            bucket.Succeeded();
        }

        return response;
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
        var form = await request.Content.ReadAsStringAsync(cancellationToken);
        foreach (var pair in form.Split('&'))
        {
            if (pair.StartsWith("Action=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair["Action=".Length..]);
            }
        }

        return "(none)";
    }

    /// <summary>SSM throttles with 400 and <c>ThrottlingException</c>; EC2 with 503 and <c>RequestLimitExceeded</c>.</summary>
    private static async Task<bool> IsThrottledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
        {
            return false;
        }

        // Error bodies are small; buffered, the SDK still reads the whole answer.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("Throttl", StringComparison.OrdinalIgnoreCase) || body.Contains("RequestLimitExceeded", StringComparison.Ordinal)
            || body.Contains("Rate exceeded", StringComparison.OrdinalIgnoreCase);
    }
}

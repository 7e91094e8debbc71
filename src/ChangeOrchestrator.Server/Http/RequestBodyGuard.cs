using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Http;

/// <summary>
/// Limits what the API reads before any endpoint runs: a body larger than its limit is refused with 413 (declared
/// lengths at once, streamed ones when the limit is crossed), and a body that is not JSON with 415. The login also
/// accepts a form. Other paths (the simulators, webhooks) set their own rules.
/// </summary>
internal sealed class RequestBodyGuard(RequestDelegate next, IOptions<ApiLimitsOptions> options, IProblemDetailsService problems)
{
    /// <summary>How much beyond its limit a refused body is still read (and dropped) so the client receives the 413.</summary>
    private const long DrainAllowance = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isApi = request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        var isAuth = request.Path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase);
        if (!isApi && !isAuth)
        {
            await next(context);
            return;
        }

        var limits = options.Value;
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<DefinitionBody>() is not null ? limits.MaxDefinitionBodyBytes : limits.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit + DrainAllowance;
        }

        context.Features.Set(new RequestBodyLimit(limit));
        request.Body = new BodyLimitStream(request.Body, limit);

        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "The body is too large", $"The body exceeds this endpoint's limit of {limit} bytes ({request.ContentLength} sent).");
            return;
        }

        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody && !IsJson(request) && !(isAuth && IsUrlEncodedForm(request)))
        {
            await RefuseAsync(
                context,
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported content type",
                $"The body must be JSON (Content-Type: application/json){(isAuth ? " or a form" : "")}, not '{request.ContentType ?? "(none)"}'.");
            return;
        }

        await next(context);
    }

    public static bool IsUrlEncodedForm(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && string.Equals(type.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return false;
        }

        var mediaType = type.MediaType.Value ?? string.Empty;
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

using Microsoft.AspNetCore.Http.Features;

namespace ChangeOrchestrator.Server.Http;

/// <summary>
/// Says what went wrong in the ProblemDetails the framework writes without a detail (401, 403, a body cut off at its
/// limit), so that every error names its problem. Nothing here reveals more than the status code does.
/// </summary>
internal static class ProblemDetailsWording
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        problem.Detail = problem.Status switch
        {
            StatusCodes.Status401Unauthorized =>
                "Authentication is required: an API key (X-Api-Key or 'Authorization: ApiKey ...'), a bearer token of the identity provider, or a session from /auth/login.",
            StatusCodes.Status403Forbidden => "The caller's roles do not allow this.",
            StatusCodes.Status413PayloadTooLarge =>
                context.HttpContext.Features.Get<RequestBodyLimit>() is { } limit
                    ? $"The body exceeds this endpoint's limit of {limit.Bytes} bytes."
                    : $"The body exceeds the server's limit of {context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes.",
            StatusCodes.Status500InternalServerError => "An unexpected error; the server's log has the details under this response's traceId.",
            _ => null,
        };
    }
}

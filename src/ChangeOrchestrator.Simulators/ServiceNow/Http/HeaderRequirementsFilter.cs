using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

/// <summary>
/// The instance refuses a call without Accept, and a write without Content-Type, before looking at it. Only JSON is
/// served, so an Accept or Content-Type that excludes JSON is answered as an instance without XML would.
/// </summary>
internal sealed class HeaderRequirementsFilter(IOptionsMonitor<ServiceNowSimulatorOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var error = CheckAccept(context.HttpContext.Request) ?? CheckContentType(context.HttpContext);
        return error is null ? await next(context) : error.ToResult();
    }

    private static ServiceNowError? CheckAccept(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept))
        {
            return ServiceNowError.BadRequest("Missing Accept header", "The Accept header is required on every call");
        }

        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges) || !ranges.Any(AcceptsJson))
        {
            return new ServiceNowError(StatusCodes.Status406NotAcceptable, "Not Acceptable", "Accept header " + accept + " is not supported");
        }

        return null;
    }

    private ServiceNowError? CheckContentType(HttpContext context)
    {
        var request = context.Request;
        var needsBody = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
            || (HttpMethods.IsDelete(request.Method) && options.CurrentValue.RequireContentTypeOnDelete);
        if (!needsBody)
        {
            return null;
        }

        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return ServiceNowError.BadRequest("Missing Content-Type header", "The Content-Type header is required on " + request.Method);
        }

        var kind = context.GetEndpoint()?.Metadata.GetMetadata<BodyKindMetadata>()?.Kind ?? BodyKind.Json;
        var supported = kind switch
        {
            BodyKind.AnyMediaType => true,
            BodyKind.Multipart => contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase),
            _ => HttpMethods.IsDelete(request.Method) || IsJson(contentType),
        };
        return supported
            ? null
            : new ServiceNowError(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", "Content-Type " + contentType + " is not supported");
    }

    private static bool AcceptsJson(MediaTypeHeaderValue range) =>
        range.MatchesAllTypes || range.MatchesAllSubTypes && range.Type.Equals("application", StringComparison.OrdinalIgnoreCase) || IsJson(range.MediaType.Value ?? "");

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
}

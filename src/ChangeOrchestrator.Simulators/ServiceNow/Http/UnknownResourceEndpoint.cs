using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

/// <summary>
/// Answers what no API route matched with the instance's envelope: 405 for a known resource called with a method it
/// does not support, 400 for a URI that is no resource at all.
/// </summary>
internal static partial class UnknownResourceEndpoint
{
    public static IResult Handle(HttpContext context, string? rest)
    {
        var path = "/api/" + (rest ?? "");
        if (KnownResource().IsMatch(path))
        {
            return new ServiceNowError(StatusCodes.Status405MethodNotAllowed, "Method not Supported",
                $"{context.Request.Method} method not supported for API").ToResult();
        }

        return ServiceNowError.BadRequest("Requested URI does not represent any resource", path).ToResult();
    }

    [GeneratedRegex(@"^/api/(now/(v[12]/)?table/[^/]+(/[^/]+)?|now/attachment(/[^/]+(/file)?)?|sn_chg_rest/(v1/)?change(/.*)?)$")]
    private static partial Regex KnownResource();
}

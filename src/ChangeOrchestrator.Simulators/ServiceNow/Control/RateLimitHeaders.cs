using System.Globalization;
using ChangeOrchestrator.Simulators.ServiceNow.Http;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

internal static class RateLimitHeaders
{
    public static void Apply(HttpResponse response, RateLimitState state)
    {
        response.Headers["X-RateLimit-Limit"] = state.RequestsPerHour.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = state.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Rule"] = state.RuleSysId;
    }

    public static ServiceNowError Exceeded(int requestsPerHour, string apiName) =>
        new(StatusCodes.Status429TooManyRequests, "Rate limit exceeded", $"Rate limit of {requestsPerHour} requests per hour for {apiName} exceeded");
}

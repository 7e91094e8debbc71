using System.Globalization;
using ChangeOrchestrator.Simulators.ServiceNow.Http;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Applies the rate-limit rule to authenticated callers: headers on every matched call, 429 past the limit.</summary>
internal sealed class RateLimitFilter(RateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = limiter.Count(http.GetUser().UserName);
        if (!state.Enabled)
        {
            return await next(context);
        }

        RateLimitHeaders.Apply(http.Response, state);
        if (!state.Exceeded)
        {
            return await next(context);
        }

        http.Response.Headers.RetryAfter = state.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return RateLimitHeaders.Exceeded(state.RequestsPerHour, ApiNames.Of(http.Request.Path)).ToResult();
    }
}

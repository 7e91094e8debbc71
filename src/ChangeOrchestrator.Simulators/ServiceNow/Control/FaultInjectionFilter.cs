using System.Globalization;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Adds the configured latency, then answers with an injected failure when one is due.</summary>
internal sealed class FaultInjectionFilter(FaultInjector injector, RateLimiter rateLimiter, SimulatorClock clock, string mountPath) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var latency = injector.Settings.LatencyMilliseconds;
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), clock.TimeProvider, http.RequestAborted);
        }

        var fault = injector.Decide(RouteKeys.Of(http, mountPath));
        return fault is null ? await next(context) : Answer(http, fault);
    }

    private IResult Answer(HttpContext http, InjectedFault fault)
    {
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            var limit = rateLimiter.Describe();
            RateLimitHeaders.Apply(http.Response, limit);
            return RateLimitHeaders.Exceeded(limit.RequestsPerHour, ApiNames.Of(http.Request.Path)).ToResult();
        }

        if (fault.NonJsonBody)
        {
            return Results.Content($"<html><head><title>{fault.StatusCode}</title></head><body><h1>{fault.StatusCode} {Phrase(fault.StatusCode)}</h1></body></html>",
                "text/html", statusCode: fault.StatusCode);
        }

        return new ServiceNowError(fault.StatusCode, Phrase(fault.StatusCode), "Fault injected by the simulator control API").ToResult();
    }

    private static string Phrase(int statusCode) =>
        ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error";
}

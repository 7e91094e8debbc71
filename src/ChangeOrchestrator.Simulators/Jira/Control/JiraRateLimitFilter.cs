using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Control;

internal sealed class JiraRateLimitFilter(JiraRateLimiter limiter, SimulatorClock clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var wait = limiter.TryAcquire(JiraRouteKey.Of(context.HttpContext));
        return wait is { } seconds
            ? new JiraFaultResult(new JiraFaultResponse(StatusCodes.Status429TooManyRequests, seconds, null, null, false), clock.UtcNow)
            : await next(context);
    }
}

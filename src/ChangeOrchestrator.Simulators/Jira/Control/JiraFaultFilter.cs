using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>Applies injected latency and failures before authentication, as an overloaded front end would.</summary>
internal sealed class JiraFaultFilter(JiraFaults faults, SimulatorClock clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var decision = faults.Decide(http.Request.Method, JiraRouteKey.Template(http));
        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, clock.TimeProvider, http.RequestAborted);
        }

        return decision.Response is { } response
            ? new JiraFaultResult(response, clock.UtcNow)
            : await next(context);
    }
}

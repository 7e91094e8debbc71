namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

/// <summary>Records the instance base URL, which depends on where the simulator is mounted, for links in responses.</summary>
internal sealed class InstanceUrlFilter(string mountPath) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        context.HttpContext.SetInstanceUrl($"{request.Scheme}://{request.Host}{request.PathBase}{mountPath}".TrimEnd('/'));
        return next(context);
    }
}

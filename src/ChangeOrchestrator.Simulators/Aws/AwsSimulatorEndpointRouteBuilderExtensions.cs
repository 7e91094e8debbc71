using ChangeOrchestrator.Simulators.Aws.Control;

namespace ChangeOrchestrator.Simulators.Aws;

public static class AwsSimulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Mounts the simulator: <c>POST {prefix}</c> is the ServiceURL of both SSM and EC2 (the .NET SDK keeps the
    /// path of ServiceURL), and <c>{prefix}/_control/...</c> is the out-of-band control API.
    /// </summary>
    public static IEndpointRouteBuilder MapAwsSimulator(this IEndpointRouteBuilder endpoints, string prefix)
    {
        // Routing matches the SDK's "{prefix}/" against this template too: one endpoint serves both spellings.
        var trimmed = prefix.TrimEnd('/');
        endpoints.MapPost(trimmed, (HttpContext context, AwsRequestRouter router) => router.HandleAsync(context))
            .ExcludeFromDescription();
        AwsControlEndpoints.Map(endpoints.MapGroup(trimmed + "/_control"));
        return endpoints;
    }
}

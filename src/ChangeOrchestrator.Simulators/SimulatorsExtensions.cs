using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators;

/// <summary>Mounts every simulator into an ASP.NET Core application, alone or inside the server's sandbox.</summary>
public static class SimulatorsExtensions
{
    public static IServiceCollection AddSimulators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSimulatorClock(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapSimulators(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}

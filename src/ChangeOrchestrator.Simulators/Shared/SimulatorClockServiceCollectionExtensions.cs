using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeOrchestrator.Simulators.Shared;

internal static class SimulatorClockServiceCollectionExtensions
{
    public static IServiceCollection AddSimulatorClock(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorClockOptions>()
            .Bind(configuration.GetSection(SimulatorClockOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatorClock>();
        return services;
    }
}

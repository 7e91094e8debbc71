using ChangeOrchestrator.Engine.Faults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Faults;

internal static class FaultDrillServiceCollectionExtensions
{
    /// <summary>The configured fault drill, validated at start-up; the engine's points do nothing without one.</summary>
    public static IServiceCollection AddFaultDrill(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaultDrillOptions>().BindConfiguration(FaultDrillOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FaultDrillOptions>, FaultDrillOptionsValidator>();
        if (!string.IsNullOrEmpty(configuration[FaultDrillOptions.Section + ":" + nameof(FaultDrillOptions.Point)]))
        {
            services.RemoveAll<IFaultPoints>();
            services.AddSingleton<IFaultPoints, ConfiguredFaultPoints>();
        }

        var offset = configuration.GetValue<TimeSpan>(FaultDrillOptions.Section + ":" + nameof(FaultDrillOptions.ClockOffset));
        if (offset != TimeSpan.Zero)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new OffsetTimeProvider(offset));
        }

        return services;
    }
}

using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Aws.Ec2;
using ChangeOrchestrator.Simulators.Aws.Faults;
using ChangeOrchestrator.Simulators.Aws.Ssm;
using ChangeOrchestrator.Simulators.Aws.Throttling;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Aws;

public static class AwsSimulatorServiceCollectionExtensions
{
    /// <summary>Registers the SSM and EC2 simulator, its options (<c>Simulators:Aws</c>) and its operations.</summary>
    public static IServiceCollection AddAwsSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AwsSimulatorOptions>()
            .Bind(configuration.GetSection(AwsSimulatorOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AwsSimulatorOptions>, AwsSimulatorOptionsValidator>();
        services.AddSingleton<AwsFaultInjector>();
        services.AddSingleton<AwsCallCounters>();
        services.AddSingleton<AwsRequestRateLimiter>();
        services.AddSingleton<AwsSimulation>();
        services.AddSingleton<SsmDispatcher>();
        services.AddSingleton<Ec2Dispatcher>();
        services.AddSingleton<AwsRequestRouter>();

        // Operations are discovered once: adding a class that implements the interface is all a new operation needs.
        foreach (var type in typeof(AwsSimulatorServiceCollectionExtensions).Assembly.GetTypes())
        {
            if (type is { IsClass: true, IsAbstract: false } && typeof(ISsmOperation).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(ISsmOperation), type);
            }
            else if (type is { IsClass: true, IsAbstract: false } && typeof(IEc2Action).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IEc2Action), type);
            }
        }

        return services;
    }
}

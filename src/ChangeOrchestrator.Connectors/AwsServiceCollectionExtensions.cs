using ChangeOrchestrator.Connectors.Aws;
using ChangeOrchestrator.Connectors.Aws.Baselines;
using ChangeOrchestrator.Connectors.Aws.Calendar;
using ChangeOrchestrator.Connectors.Aws.Compliance;
using ChangeOrchestrator.Connectors.Aws.Fleet;
using ChangeOrchestrator.Connectors.Aws.Policies;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Connectors.Aws.Snapshots;
using ChangeOrchestrator.Patching.Baselines;
using ChangeOrchestrator.Patching.Calendar;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies.Changes;
using ChangeOrchestrator.Patching.Policies.Planning;
using ChangeOrchestrator.Patching.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// The fleet, snapshot, baseline, patch-policy and change-calendar ports on AWS SSM and EC2, configured from the <c>Aws</c>
    /// section and validated at start-up.
    /// </summary>
    public static IServiceCollection AddAwsFleet(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AwsOptions>()
            .Bind(configuration.GetSection(AwsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.TryAddSingleton<AwsRateLimiter>();
        services.TryAddSingleton<AwsClients>();
        services.TryAddSingleton<AwsCalls>();
        services.TryAddSingleton<FindOrCreatePipeline>();
        services.TryAddSingleton<ManagedNodeReader>();
        services.TryAddSingleton<Ec2InstanceReader>();
        services.TryAddSingleton<TargetResolver>();
        services.TryAddSingleton<PatchGroupReader>();
        services.TryAddSingleton<PatchCommandSender>();
        services.TryAddSingleton<EndedCommandCache>();
        services.TryAddSingleton<PatchCommandMonitor>();
        services.TryAddSingleton<PatchReleaseDates>();
        services.TryAddSingleton<PatchComplianceReader>();

        services.TryAddSingleton<IPatchFleet, AwsPatchFleet>();
        services.TryAddSingleton<IFleetCommands, AwsFleetCommands>();
        services.TryAddSingleton<ISnapshotService, AwsSnapshotService>();
        services.TryAddSingleton<IChangeCalendar, AwsChangeCalendar>();
        services.TryAddSingleton<IPatchBaselines, AwsPatchBaselines>();
        services.TryAddSingleton<IPatchPolicyTarget, AwsPatchPolicyTarget>();
        services.TryAddSingleton<PatchPolicyService>();
        services.TryAddSingleton<PolicyChangeRunner>();
        return services;
    }
}

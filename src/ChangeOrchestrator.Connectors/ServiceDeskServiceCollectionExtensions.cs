using ChangeOrchestrator.Connectors.Jira;
using ChangeOrchestrator.Connectors.ServiceNow;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors;

public static class ServiceDeskServiceCollectionExtensions
{
    /// <summary>
    /// Registers each service desk whose section (<c>ServiceDesk:ServiceNow</c>, <c>ServiceDesk:Jira</c>) has a
    /// BaseUrl, with its settings validated at start-up, and <see cref="IServiceDeskResolver"/> to pick one by name.
    /// </summary>
    public static IServiceCollection AddServiceDesks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IServiceDeskResolver, ServiceDeskResolver>();

        var serviceNow = configuration.GetSection(ServiceNowOptions.Section);
        if (!string.IsNullOrWhiteSpace(serviceNow["BaseUrl"]))
        {
            services.AddOptions<ServiceNowOptions>().Bind(serviceNow).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceNowOptions>, ServiceNowOptionsValidator>());
            services.TryAddSingleton<ServiceNowServiceDesk>();
            services.AddSingleton<IServiceDesk>(sp => sp.GetRequiredService<ServiceNowServiceDesk>());
        }

        var jira = configuration.GetSection(JiraOptions.Section);
        if (!string.IsNullOrWhiteSpace(jira["BaseUrl"]))
        {
            services.AddOptions<JiraOptions>().Bind(jira).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JiraOptions>, JiraOptionsValidator>());
            services.TryAddSingleton<JiraServiceDesk>();
            services.AddSingleton<IServiceDesk>(sp => sp.GetRequiredService<JiraServiceDesk>());
        }

        return services;
    }
}

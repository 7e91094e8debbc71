using ChangeOrchestrator.Simulators.Aws;
using ChangeOrchestrator.Simulators.Jira;
using ChangeOrchestrator.Simulators.ServiceNow;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators;

/// <summary>Mounts every simulator into an ASP.NET Core application, alone or inside the server's sandbox.</summary>
public static class SimulatorsExtensions
{
    public static IServiceCollection AddSimulators(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSimulatorClock(configuration);
        services.AddAwsSimulator(configuration);
        services.AddServiceNowSimulator(configuration);
        services.AddJiraSimulator(configuration);

        // With both vendors in one host, the instance's CMDB can know the account's servers (Simulators:ServiceNow:Cmdb).
        services.AddHostedService<AwsFleetCmdbImport>();
        return services;
    }

    public static IEndpointRouteBuilder MapSimulators(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAwsSimulator("/sim/aws");
        endpoints.MapServiceNowSimulator("/sim/servicenow");
        endpoints.MapJiraSimulator("/sim/jira");
        return endpoints;
    }
}

using ChangeOrchestrator.Simulators.Jira.Approvals;
using ChangeOrchestrator.Simulators.Jira.Attachments;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Control;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Projects;
using ChangeOrchestrator.Simulators.Jira.Search;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Transitions;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira;

/// <summary>The Jira Cloud / JSM simulator: services, and the site's routes under a prefix (e.g. /sim/jira).</summary>
internal static class JiraSimulatorExtensions
{
    public static IServiceCollection AddJiraSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JiraSimulatorOptions>()
            .Bind(configuration.GetSection(JiraSimulatorOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JiraSimulatorOptions>, JiraSimulatorOptionsValidator>();
        services.AddSingleton(sp => JiraSiteBuilder.Build(sp.GetRequiredService<IOptions<JiraSimulatorOptions>>().Value));
        services.AddSingleton<JiraStore>();
        services.AddSingleton<JiraAuthenticator>();
        services.AddSingleton<JiraFaults>();
        services.AddSingleton<JiraRequestLog>();
        services.AddSingleton<JiraRateLimiter>();
        services.AddSingleton<JiraIssueRenderer>();
        services.AddSingleton<JiraFieldUpdatePlanner>();
        services.AddSingleton<JiraIssueChanges>();
        services.AddSingleton<JiraIssueCreator>();
        services.AddSingleton<JiraCommentWriter>();
        services.AddSingleton<JiraTransitionRunner>();
        services.AddSingleton<JiraApprovalEngine>();
        services.AddSingleton<JiraWebhookQueue>();
        services.AddSingleton<JiraWebhookFaults>();
        services.AddSingleton<JiraDeliveryLog>();
        services.AddSingleton<JiraWebhookPayload>();
        services.AddSingleton<JiraWebhookPublisher>();
        services.AddHttpClient(JiraWebhookDispatcher.HttpClientName);
        services.AddHostedService<JiraWebhookDispatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapJiraSimulator(this IEndpointRouteBuilder endpoints, string prefix)
    {
        var site = endpoints.MapGroup(prefix).WithMetadata(new JiraMount(prefix)).ExcludeFromDescription();
        MapApi(site);
        MapApi(site.MapGroup("/ex/jira/{cloudId}").AddEndpointFilter<JiraCloudIdFilter>());
        JiraMyselfEndpoints.MapTenantInfo(site);
        JiraApprovalPage.Map(site);
        JiraControlEndpoints.Map(site.MapGroup("/_control"));
        return endpoints;
    }

    /// <summary>Every REST route, behind the journal, faults, authentication and the burst limit (in that order).</summary>
    private static void MapApi(IEndpointRouteBuilder parent)
    {
        var rest = parent.MapGroup("/rest")
            .AddEndpointFilter<JiraRequestLogFilter>()
            .AddEndpointFilter<JiraFaultFilter>()
            .AddEndpointFilter<JiraAuthFilter>()
            .AddEndpointFilter<JiraRateLimitFilter>();
        JiraMyselfEndpoints.Map(rest);
        JiraServiceDeskEndpoints.Map(rest);
        JiraFieldEndpoints.Map(rest);
        JiraProjectEndpoints.Map(rest);
        JiraIssueEndpoints.Map(rest);
        JiraIssuePropertyEndpoints.Map(rest);
        JiraSearchEndpoints.Map(rest);
        JiraTransitionEndpoints.Map(rest);
        JiraCommentEndpoints.Map(rest);
        ServiceDeskCommentEndpoints.Map(rest);
        JiraAttachmentEndpoints.Map(rest);
        JiraApprovalEndpoints.Map(rest);
        JiraAdminWebhookEndpoints.Map(rest);
        JiraDynamicWebhookEndpoints.Map(rest);
    }
}

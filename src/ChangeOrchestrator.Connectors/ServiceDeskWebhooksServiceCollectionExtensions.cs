using ChangeOrchestrator.Connectors.Jira.Webhooks;
using ChangeOrchestrator.Connectors.ServiceNow.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors;

public static class ServiceDeskWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="WebhookSource"/> per desk that can send webhooks (ServiceNow, Jira): its verifier,
    /// its payload mapper and its settings (<c>Webhooks:&lt;desk&gt;</c>), validated at start-up. Whether a desk's
    /// endpoint accepts anything depends on its secrets, not on the desk's own connection being configured.
    /// </summary>
    public static IServiceCollection AddServiceDeskWebhooks(this IServiceCollection services)
    {
        ServiceNowWebhooks.Add(services);
        JiraWebhooks.Add(services);
        return services;
    }
}

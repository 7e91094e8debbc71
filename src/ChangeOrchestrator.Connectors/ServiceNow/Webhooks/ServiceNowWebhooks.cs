using ChangeOrchestrator.Connectors.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

/// <summary>ServiceNow as a webhook source: <c>POST /webhooks/servicenow</c>, configured in <c>Webhooks:ServiceNow</c>.</summary>
internal static class ServiceNowWebhooks
{
    public const string Name = ServiceNowServiceDesk.DeskName;

    public const string Section = WebhookSourceOptions.Section + ":ServiceNow";

    public static void Add(IServiceCollection services) =>
        WebhookSourceRegistration.Add<ServiceNowWebhookSourceOptions, ServiceNowWebhookSourceOptionsValidator, ServiceNowRequestVerifier, ServiceNowPayloadMapper>(
            services, Name, Section);
}

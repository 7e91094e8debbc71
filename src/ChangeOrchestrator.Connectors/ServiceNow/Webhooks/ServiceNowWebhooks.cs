using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

/// <summary>ServiceNow as a webhook source: <c>POST /webhooks/servicenow</c>, configured in <c>Webhooks:ServiceNow</c>.</summary>
internal static class ServiceNowWebhooks
{
    public const string Name = ServiceNowServiceDesk.DeskName;

    public const string Section = WebhookSourceOptions.Section + ":ServiceNow";

    public static void Add(IServiceCollection services)
    {
        services.AddOptions<ServiceNowWebhookSourceOptions>().BindConfiguration(Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceNowWebhookSourceOptions>, ServiceNowWebhookSourceOptionsValidator>());
        services.TryAddSingleton<ServiceNowRequestVerifier>();
        services.TryAddSingleton<ServiceNowPayloadMapper>();
        services.AddSingleton(sp => new WebhookSource(
            Name,
            Section,
            sp.GetRequiredService<ServiceNowRequestVerifier>(),
            sp.GetRequiredService<ServiceNowPayloadMapper>(),
            sp.GetRequiredService<IOptions<ServiceNowWebhookSourceOptions>>()));
    }
}

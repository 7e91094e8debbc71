using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Jira.Webhooks;

/// <summary>Jira as a webhook source: <c>POST /webhooks/jira</c>, configured in <c>Webhooks:Jira</c> and <c>ServiceDesk:Jira:Statuses</c>.</summary>
internal static class JiraWebhooks
{
    public const string Name = JiraServiceDesk.DeskName;

    public const string Section = WebhookSourceOptions.Section + ":Jira";

    /// <summary>The connector's status names, read here too even when the Jira desk itself is not configured.</summary>
    public const string StatusesSection = JiraOptions.Section + ":" + nameof(JiraOptions.Statuses);

    public static void Add(IServiceCollection services)
    {
        services.AddOptions<JiraStatusNames>().BindConfiguration(StatusesSection);
        services.AddOptions<JiraWebhookSourceOptions>().BindConfiguration(Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JiraWebhookSourceOptions>, JiraWebhookSourceOptionsValidator>());
        services.TryAddSingleton<JiraSignatureVerifier>();
        services.TryAddSingleton<JiraPayloadMapper>();
        services.AddSingleton(sp => new WebhookSource(
            Name,
            Section,
            sp.GetRequiredService<JiraSignatureVerifier>(),
            sp.GetRequiredService<JiraPayloadMapper>(),
            sp.GetRequiredService<IOptions<JiraWebhookSourceOptions>>()));
    }
}

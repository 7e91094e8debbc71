using ChangeOrchestrator.Connectors.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.DependencyInjection;

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
        WebhookSourceRegistration.Add<JiraWebhookSourceOptions, JiraWebhookSourceOptionsValidator, JiraSignatureVerifier, JiraPayloadMapper>(
            services, Name, Section);
    }
}

using ChangeOrchestrator.Server.Sandbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// The service-desk webhooks: verification, the durable inbox and its worker, the start rules; in the sandbox
    /// also the simulators' webhooks pointed at this server. Needs the workflow persistence (the inbox is a table).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        // The server's configuration is a ConfigurationManager: sources added here are seen by every options binding,
        // including the simulators', which are bound when first resolved.
        if (configuration.GetValue(SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled), true) && configuration is IConfigurationBuilder builder)
        {
            builder.AddInMemoryCollection(WebhookSandbox.Defaults(configuration));
        }

        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhooksOptions>, WebhooksOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IWebhookVerifier, JiraSignatureVerifier>();
        services.AddSingleton<IWebhookVerifier, ServiceNowRequestVerifier>();
        services.AddSingleton<IWebhookPayloadMapper, JiraPayloadMapper>();
        services.AddSingleton<IWebhookPayloadMapper, ServiceNowPayloadMapper>();
        services.TryAddSingleton<InboxWebhookRejectionLog>();
        services.TryAddSingleton<IWebhookRejectionLog, AuditedWebhookRejectionLog>();
        services.AddSingleton<WebhookRateLimiters>();
        services.AddSingleton<WebhookInboxSignal>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<WebhookStartRules>();
        services.AddSingleton<WebhookProcessor>();
        services.AddHostedService<WebhookInboxWorker>();
        return services;
    }
}

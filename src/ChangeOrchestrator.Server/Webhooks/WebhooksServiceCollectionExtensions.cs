using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// The service-desk webhooks: the receiver, the durable inbox and its worker, the start rules, for every desk
    /// registered as a <c>WebhookSource</c> (see <c>AddServiceDeskWebhooks</c>). Needs the workflow persistence
    /// (the inbox is a table).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhooksOptions>, WebhooksOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

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

using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Webhooks;

/// <summary>How every desk registers its webhook source: its settings validated at start-up, its verifier and mapper, and the descriptor.</summary>
internal static class WebhookSourceRegistration
{
    public static void Add<TOptions, TValidator, TVerifier, TMapper>(IServiceCollection services, string name, string section)
        where TOptions : WebhookSourceOptions
        where TValidator : class, IValidateOptions<TOptions>
        where TVerifier : class, IWebhookVerifier
        where TMapper : class, IWebhookPayloadMapper
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton<TVerifier>();
        services.TryAddSingleton<TMapper>();
        services.AddSingleton(sp => new WebhookSource(
            name,
            section,
            sp.GetRequiredService<TVerifier>(),
            sp.GetRequiredService<TMapper>(),
            sp.GetRequiredService<IOptions<TOptions>>()));
    }
}

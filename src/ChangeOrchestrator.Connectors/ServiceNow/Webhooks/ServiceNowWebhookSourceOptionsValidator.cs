using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

/// <summary>Checks section <c>Webhooks:ServiceNow</c> at start-up; every message names the key that is wrong.</summary>
internal sealed class ServiceNowWebhookSourceOptionsValidator : IValidateOptions<ServiceNowWebhookSourceOptions>
{
    private const string Prefix = ServiceNowWebhooks.Section + ":";

    public ValidateOptionsResult Validate(string? name, ServiceNowWebhookSourceOptions options)
    {
        var errors = options.SecretProblems(ServiceNowWebhooks.Section).ToList();
        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add($"{Prefix}Mode must be one of: {string.Join(", ", Enum.GetNames<ServiceNowWebhookAuthMode>())}.");
        }

        if (options.Mode == ServiceNowWebhookAuthMode.SharedSecret && !IsHeaderName(options.HeaderName))
        {
            errors.Add($"{Prefix}HeaderName must be an HTTP header name (letters, digits and '-'); it is '{options.HeaderName}'.");
        }

        if (options.Mode == ServiceNowWebhookAuthMode.Basic && options.IsConfigured
            && (string.IsNullOrWhiteSpace(options.UserName) || options.UserName.Contains(':', StringComparison.Ordinal)))
        {
            errors.Add($"{Prefix}UserName is required in Basic mode and must not contain ':'.");
        }

        if (options.DeliveryIdHeader.Length > 0 && !IsHeaderName(options.DeliveryIdHeader))
        {
            errors.Add($"{Prefix}DeliveryIdHeader must be an HTTP header name or empty; it is '{options.DeliveryIdHeader}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}

using System.Net.Http.Headers;
using System.Text;
using ChangeOrchestrator.Connectors.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

/// <summary>
/// ServiceNow cannot sign: its business rule or flow step sends a shared secret in a header, or basic credentials.
/// Either way the secret travels with every request, so only HTTPS keeps it secret.
/// </summary>
internal sealed class ServiceNowRequestVerifier(IOptions<ServiceNowWebhookSourceOptions> options) : IWebhookVerifier
{
    public WebhookVerification Verify(IReadOnlyDictionary<string, string[]> headers, ReadOnlyMemory<byte> body) =>
        options.Value.Mode == ServiceNowWebhookAuthMode.Basic ? VerifyBasic(headers, options.Value) : VerifySharedSecret(headers, options.Value);

    public string DeliveryId(IReadOnlyDictionary<string, string[]> headers) =>
        options.Value.DeliveryIdHeader.Length > 0 ? WebhookHeaders.Joined(headers, options.Value.DeliveryIdHeader) : "";

    private static WebhookVerification VerifySharedSecret(IReadOnlyDictionary<string, string[]> headers, ServiceNowWebhookSourceOptions settings)
    {
        var values = WebhookHeaders.Values(headers, settings.HeaderName);
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return WebhookVerification.Failure(values.Count > 1 ? $"{settings.HeaderName} sent more than once" : $"no {settings.HeaderName} header");
        }

        return SecretComparer.MatchesAny(values[0], settings.Secrets)
            ? WebhookVerification.Success
            : WebhookVerification.Failure($"{settings.HeaderName} does not match any active secret");
    }

    private static WebhookVerification VerifyBasic(IReadOnlyDictionary<string, string[]> headers, ServiceNowWebhookSourceOptions settings)
    {
        if (!AuthenticationHeaderValue.TryParse(WebhookHeaders.Joined(headers, "Authorization"), out var authorization)
            || !string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || authorization.Parameter is null)
        {
            return WebhookVerification.Failure("no basic credentials");
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter));
        }
        catch (FormatException)
        {
            return WebhookVerification.Failure("basic credentials are not base64");
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? credentials : credentials[..colon];
        var password = colon < 0 ? "" : credentials[(colon + 1)..];

        // Both parts are always compared, so a wrong user name takes as long to refuse as a wrong password.
        var userMatches = SecretComparer.MatchesAny(user, [settings.UserName]);
        var passwordMatches = SecretComparer.MatchesAny(password, settings.Secrets);
        return userMatches && passwordMatches
            ? WebhookVerification.Success
            : WebhookVerification.Failure("basic credentials do not match");
    }
}

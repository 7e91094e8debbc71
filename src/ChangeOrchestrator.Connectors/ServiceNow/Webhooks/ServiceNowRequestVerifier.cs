using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// ServiceNow cannot sign: its business rule or flow step sends a shared secret in a header, or basic credentials.
/// Either way the secret travels with every request, so only HTTPS keeps it secret.
/// </summary>
internal sealed class ServiceNowRequestVerifier(IOptions<WebhooksOptions> options) : IWebhookVerifier
{
    private readonly ServiceNowWebhookSourceOptions _options = options.Value.ServiceNow;

    public string Source => WebhookSources.ServiceNow;

    public WebhookVerification Verify(HttpRequest request, byte[] body) =>
        _options.Mode == ServiceNowWebhookAuthMode.Basic ? VerifyBasic(request) : VerifySharedSecret(request);

    private WebhookVerification VerifySharedSecret(HttpRequest request)
    {
        var values = request.Headers[_options.HeaderName];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return WebhookVerification.Failure(values.Count > 1 ? $"{_options.HeaderName} sent more than once" : $"no {_options.HeaderName} header");
        }

        return SecretComparer.MatchesAny(values[0]!, _options.Secrets)
            ? WebhookVerification.Success
            : WebhookVerification.Failure($"{_options.HeaderName} does not match any active secret");
    }

    private WebhookVerification VerifyBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
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
        var userMatches = SecretComparer.MatchesAny(user, [_options.UserName]);
        var passwordMatches = SecretComparer.MatchesAny(password, _options.Secrets);
        return userMatches && passwordMatches
            ? WebhookVerification.Success
            : WebhookVerification.Failure("basic credentials do not match");
    }
}

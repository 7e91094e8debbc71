using ChangeOrchestrator.Connectors.Resilience;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>Checks the section at start-up; every message names the key at fault and never echoes a secret.</summary>
internal sealed class ServiceNowOptionsValidator : IValidateOptions<ServiceNowOptions>
{
    private const string Prefix = ServiceNowOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, ServiceNowOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add(Prefix + "BaseUrl must be an absolute http(s) URL such as https://acme.service-now.com.");
        }

        switch (options.AuthMode)
        {
            case ServiceNowAuthMode.Basic when string.IsNullOrWhiteSpace(options.User) || string.IsNullOrEmpty(options.Password):
                failures.Add(Prefix + "User and " + Prefix + "Password are required when AuthMode is Basic.");
                break;
            case ServiceNowAuthMode.OAuth:
                if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
                {
                    failures.Add(Prefix + "ClientId and " + Prefix + "ClientSecret are required when AuthMode is OAuth.");
                }

                if (string.IsNullOrWhiteSpace(options.User) != string.IsNullOrEmpty(options.Password))
                {
                    failures.Add(Prefix + "User and " + Prefix + "Password go together: both for the password grant, neither for client_credentials.");
                }

                break;
            case ServiceNowAuthMode.Basic:
                break;
            default:
                failures.Add(Prefix + "AuthMode must be Basic or OAuth.");
                break;
        }

        failures.AddRange(ServiceDeskResilienceOptionsValidation.Validate(options.Resilience, ServiceNowOptions.Section));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.Net.Http.Headers;
using System.Text;
using ChangeOrchestrator.Simulators.Jira.Site;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Auth;

/// <summary>Basic email:api_token (passwords are not accepted) and OAuth bearer tokens (gateway URL only, by default).</summary>
internal sealed class JiraAuthenticator(JiraSite site, IOptions<JiraSimulatorOptions> options)
{
    /// <summary>The caller, <see cref="JiraCaller.Anonymous"/> without credentials, or null for bad credentials.</summary>
    public JiraCaller? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return JiraCaller.Anonymous;
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var parsed) || parsed.Parameter is null)
        {
            return null;
        }

        if (string.Equals(parsed.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Basic(parsed.Parameter);
        }

        if (string.Equals(parsed.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var viaGateway = context.Request.RouteValues.ContainsKey("cloudId");
            var token = site.BearerTokens.FirstOrDefault(t => t.Token == parsed.Parameter);
            return token is not null && (viaGateway || options.Value.BearerAcceptedOnSiteUrl) ? new JiraCaller(token.Account, token.IsApp) : null;
        }

        return null;
    }

    private JiraCaller? Basic(string parameter)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var email = decoded[..colon];
        var token = decoded[(colon + 1)..];
        var account = site.Accounts.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase) && a.ApiToken == token);
        return account is null ? null : new JiraCaller(account, false);
    }
}

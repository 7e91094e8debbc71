using System.Text.RegularExpressions;
using ChangeOrchestrator.Connectors.Resilience;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>Checks the section at start-up; every message names the key at fault and never echoes a secret.</summary>
internal sealed partial class JiraOptionsValidator : IValidateOptions<JiraOptions>
{
    private const string Prefix = JiraOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, JiraOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add(Prefix + "BaseUrl must be an absolute http(s) URL such as https://acme.atlassian.net.");
        }

        var basic = !string.IsNullOrWhiteSpace(options.Email) || !string.IsNullOrEmpty(options.ApiToken);
        var bearer = !string.IsNullOrEmpty(options.BearerToken);
        if (basic == bearer || (basic && (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrEmpty(options.ApiToken))))
        {
            failures.Add(Prefix + "Email with " + Prefix + "ApiToken, or " + Prefix + "BearerToken, is required (exactly one of the two).");
        }

        if (!ProjectKey().IsMatch(options.ProjectKey))
        {
            failures.Add(Prefix + "ProjectKey must be a Jira project key such as ITOPS.");
        }

        if (string.IsNullOrWhiteSpace(options.ChangeIssueTypeName))
        {
            failures.Add(Prefix + "ChangeIssueTypeName is required.");
        }

        failures.AddRange(options.Fields.All().Where(f => string.IsNullOrWhiteSpace(f.Name)).Select(f => $"{Prefix}Fields:{f.Key} must name a field."));
        failures.AddRange(options.Statuses.All().Where(s => JiraStatusNames.Split(s.Names).Count == 0).Select(s => $"{Prefix}Statuses:{s.Key} must name at least one status."));
        failures.AddRange(MissingValues(options.ChangeTypeValues, nameof(JiraOptions.ChangeTypeValues)));
        failures.AddRange(MissingValues(options.RiskValues, nameof(JiraOptions.RiskValues)));
        failures.AddRange(MissingValues(options.ImpactValues, nameof(JiraOptions.ImpactValues)));
        failures.AddRange(ServiceDeskResilienceOptionsValidation.Validate(options.Resilience, JiraOptions.Section));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> MissingValues<TEnum>(Dictionary<TEnum, string> values, string key)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>()
            .Where(v => !values.TryGetValue(v, out var text) || string.IsNullOrWhiteSpace(text))
            .Select(v => $"{Prefix}{key}:{v} must give the option value for {v}.");

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,9}$")]
    private static partial Regex ProjectKey();
}

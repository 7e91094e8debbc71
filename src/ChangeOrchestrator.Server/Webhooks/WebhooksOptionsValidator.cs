using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Checks section <c>Webhooks</c> at start-up; every message names the key that is wrong.</summary>
internal sealed class WebhooksOptionsValidator : IValidateOptions<WebhooksOptions>
{
    /// <summary>Below this a secret can be guessed or brute-forced offline from one signed delivery.</summary>
    public const int MinSecretLength = 16;

    private const string Prefix = WebhooksOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, WebhooksOptions options)
    {
        var errors = new List<string>();
        ValidateSecrets(options.Jira, Prefix + "Jira", errors);
        ValidateSecrets(options.ServiceNow, Prefix + "ServiceNow", errors);
        ValidateServiceNow(options.ServiceNow, errors);
        ValidateJira(options.Jira, errors);

        if (options.ReplayWindow < TimeSpan.FromMinutes(1) || options.ReplayWindow > TimeSpan.FromDays(365))
        {
            errors.Add($"{Prefix}ReplayWindow must be between 00:01:00 and 365.00:00:00; it is {options.ReplayWindow}.");
        }

        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add(Invariant($"{Prefix}MaxBodyBytes must be between 1024 and 16777216; it is {options.MaxBodyBytes}."));
        }

        if (options.RateLimit.PermitsPerSecond is < 1 or > 1_000_000)
        {
            errors.Add(Invariant($"{Prefix}RateLimit:PermitsPerSecond must be between 1 and 1000000; it is {options.RateLimit.PermitsPerSecond}."));
        }

        ValidateProcessing(options.Processing, errors);
        for (var i = 0; i < options.StartRules.Count; i++)
        {
            ValidateStartRule(options.StartRules[i], Invariant($"{Prefix}StartRules:{i}"), errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSecrets(WebhookSourceOptions source, string key, List<string> errors)
    {
        if (source.Secrets.Count > WebhookSourceOptions.MaxSecrets)
        {
            errors.Add(Invariant($"{key}:Secrets holds {source.Secrets.Count} secrets; at most {WebhookSourceOptions.MaxSecrets} may be active (the current one and the one being rotated out)."));
        }

        for (var i = 0; i < source.Secrets.Count; i++)
        {
            if (source.Secrets[i].Length < MinSecretLength)
            {
                errors.Add(Invariant($"{key}:Secrets:{i} must be at least {MinSecretLength} characters long."));
            }
        }
    }

    private static void ValidateServiceNow(ServiceNowWebhookSourceOptions serviceNow, List<string> errors)
    {
        const string key = Prefix + "ServiceNow:";
        if (!Enum.IsDefined(serviceNow.Mode))
        {
            errors.Add($"{key}Mode must be one of: {string.Join(", ", Enum.GetNames<ServiceNowWebhookAuthMode>())}.");
        }

        if (serviceNow.Mode == ServiceNowWebhookAuthMode.SharedSecret && !IsHeaderName(serviceNow.HeaderName))
        {
            errors.Add($"{key}HeaderName must be an HTTP header name (letters, digits and '-'); it is '{serviceNow.HeaderName}'.");
        }

        if (serviceNow.Mode == ServiceNowWebhookAuthMode.Basic && serviceNow.IsConfigured
            && (string.IsNullOrWhiteSpace(serviceNow.UserName) || serviceNow.UserName.Contains(':', StringComparison.Ordinal)))
        {
            errors.Add($"{key}UserName is required in Basic mode and must not contain ':'.");
        }

        if (serviceNow.DeliveryIdHeader.Length > 0 && !IsHeaderName(serviceNow.DeliveryIdHeader))
        {
            errors.Add($"{key}DeliveryIdHeader must be an HTTP header name or empty; it is '{serviceNow.DeliveryIdHeader}'.");
        }
    }

    private static void ValidateJira(JiraWebhookSourceOptions jira, List<string> errors)
    {
        const string key = Prefix + "Jira:";
        if (JiraWebhookSourceOptions.Split(jira.ApprovedStatuses).Count == 0)
        {
            errors.Add($"{key}ApprovedStatuses must name at least one status.");
        }

        if (JiraWebhookSourceOptions.Split(jira.DeclinedStatuses).Count == 0)
        {
            errors.Add($"{key}DeclinedStatuses must name at least one status.");
        }
    }

    private static void ValidateProcessing(WebhookProcessingOptions processing, List<string> errors)
    {
        const string key = Prefix + "Processing:";
        Range(processing.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1), key + "PollInterval", errors);
        Range(processing.ClaimDuration, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), key + "ClaimDuration", errors);
        Range(processing.FirstRetryDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1), key + "FirstRetryDelay", errors);
        Range(processing.MaxRetryDelay, processing.FirstRetryDelay, TimeSpan.FromDays(1), key + "MaxRetryDelay", errors);
        Range(processing.PurgeInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), key + "PurgeInterval", errors);
        if (processing.BatchSize is < 1 or > 10_000)
        {
            errors.Add(Invariant($"{key}BatchSize must be between 1 and 10000; it is {processing.BatchSize}."));
        }

        if (processing.Parallelism is < 1 or > 256)
        {
            errors.Add(Invariant($"{key}Parallelism must be between 1 and 256; it is {processing.Parallelism}."));
        }

        if (processing.MaxAttempts is < 1 or > 1000)
        {
            errors.Add(Invariant($"{key}MaxAttempts must be between 1 and 1000; it is {processing.MaxAttempts}."));
        }
    }

    private static void ValidateStartRule(WebhookStartRule rule, string key, List<string> errors)
    {
        if (!WebhookSources.All.Contains(rule.Source))
        {
            errors.Add($"{key}:Source must be one of: {string.Join(", ", WebhookSources.All)}; it is '{rule.Source}'.");
        }

        if (string.IsNullOrWhiteSpace(rule.DefinitionId))
        {
            errors.Add($"{key}:DefinitionId is required.");
        }

        if (rule.Version is < 1)
        {
            errors.Add($"{key}:Version must be 1 or more when set.");
        }

        if (rule.Match.Count == 0 && string.IsNullOrWhiteSpace(rule.Event))
        {
            errors.Add($"{key} needs an Event or at least one Match condition; a rule that matches every delivery would start an instance for each.");
        }

        for (var i = 0; i < rule.Match.Count; i++)
        {
            if (WebhookJsonPath.Validate(rule.Match[i].Path) is { } problem)
            {
                errors.Add(Invariant($"{key}:Match:{i}:Path {problem}"));
            }
        }

        foreach (var (input, path) in rule.Input)
        {
            if (!WebhookFacts.IsFact(path) && WebhookJsonPath.Validate(path) is { } problem)
            {
                errors.Add($"{key}:Input:{input} {problem}");
            }
        }
    }

    private static void Range(TimeSpan value, TimeSpan min, TimeSpan max, string key, List<string> errors)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max}; it is {value}.");
        }
    }

    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

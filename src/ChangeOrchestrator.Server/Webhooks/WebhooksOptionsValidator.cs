using System.Globalization;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Checks section <c>Webhooks</c> at start-up; every message names the key that is wrong.</summary>
internal sealed class WebhooksOptionsValidator(IEnumerable<WebhookSource> sources) : IValidateOptions<WebhooksOptions>
{
    private const string Prefix = WebhooksOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, WebhooksOptions options)
    {
        var errors = new List<string>();
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

    private void ValidateStartRule(WebhookStartRule rule, string key, List<string> errors)
    {
        var names = sources.Select(s => s.Name).ToList();
        if (!names.Contains(rule.Source, StringComparer.Ordinal))
        {
            errors.Add($"{key}:Source must be one of: {string.Join(", ", names)}; it is '{rule.Source}'.");
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

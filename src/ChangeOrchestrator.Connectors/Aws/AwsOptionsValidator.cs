using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>The checks data annotations cannot express; each message names the configuration key.</summary>
internal sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var failures = new List<string>();
        // The binder writes null for a key present without a value, whatever the property's annotation says.
        if (options.Region is { Length: > 0 } region && !RegionPattern().IsMatch(region))
        {
            failures.Add($"Aws:Region '{region}' is not an AWS region name such as eu-west-1.");
        }

        if (options.ServiceUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add($"Aws:ServiceUrl '{url}' must be an absolute http or https URL.");
        }

        if (options.RoleArn is { Length: > 0 } role && !RoleArnPattern().IsMatch(role))
        {
            failures.Add($"Aws:RoleArn '{role}' is not an IAM role ARN such as arn:aws:iam::123456789012:role/patching.");
        }

        if (string.IsNullOrEmpty(options.AccessKeyId) != string.IsNullOrEmpty(options.SecretAccessKey))
        {
            failures.Add("Aws:AccessKeyId and Aws:SecretAccessKey must be set together, or both left out to use the AWS credential chain.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Aws:RequestTimeout must be positive.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("Aws:RetryBaseDelay must not be negative.");
        }

        if (options.CommandLookback <= TimeSpan.Zero)
        {
            failures.Add("Aws:CommandLookback must be positive.");
        }

        if (options.CommandDeliveryTimeout < TimeSpan.FromSeconds(30) || options.CommandDeliveryTimeout > TimeSpan.FromDays(30))
        {
            failures.Add("Aws:CommandDeliveryTimeout must be between 30 seconds and 30 days.");
        }

        if (!(options.RateLimitScale > 0) || double.IsInfinity(options.RateLimitScale))
        {
            failures.Add($"Aws:RateLimitScale must be a positive number (was {options.RateLimitScale}).");
        }

        foreach (var (operation, rate) in options.RateLimits)
        {
            if (!OperationPattern().IsMatch(operation))
            {
                failures.Add($"Aws:RateLimits:{operation} must name an operation as SSM.<Operation> or EC2.<Operation>, e.g. EC2.CreateSnapshots.");
            }

            if (rate is null || !(rate.PerSecond > 0) || double.IsInfinity(rate.PerSecond))
            {
                failures.Add($"Aws:RateLimits:{operation}:PerSecond must be a positive number of requests per second.");
            }

            if (rate is null || rate.Burst < 1)
            {
                failures.Add($"Aws:RateLimits:{operation}:Burst must be at least 1.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^(SSM|EC2)\\.[A-Z][A-Za-z0-9]+$")]
    private static partial Regex OperationPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$")]
    private static partial Regex RoleArnPattern();
}

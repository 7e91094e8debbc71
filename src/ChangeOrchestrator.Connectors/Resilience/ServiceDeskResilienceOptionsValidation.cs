namespace ChangeOrchestrator.Connectors.Resilience;

/// <summary>Checks a desk's resilience settings; each message names the key at fault.</summary>
internal static class ServiceDeskResilienceOptionsValidation
{
    public static IEnumerable<string> Validate(ServiceDeskResilienceOptions options, string section)
    {
        var prefix = section + ":Resilience:";
        if (options.MaxRetryAttempts is < 0 or > 20)
        {
            yield return prefix + "MaxRetryAttempts must be between 0 and 20.";
        }

        if (options.BaseDelay <= TimeSpan.Zero || options.MaxDelay < options.BaseDelay)
        {
            yield return prefix + "BaseDelay must be positive and MaxDelay at least BaseDelay.";
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            yield return prefix + "MaxRetryAfter must not be negative.";
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromDays(1))
        {
            yield return prefix + "AttemptTimeout must be between 10 ms and 1 day.";
        }

        if (options.FailureRatio is <= 0 or > 1)
        {
            yield return prefix + "FailureRatio must be greater than 0 and at most 1.";
        }

        if (options.MinimumThroughput < 2)
        {
            yield return prefix + "MinimumThroughput must be at least 2.";
        }

        if (options.SamplingDuration < TimeSpan.FromMilliseconds(500) || options.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return prefix + "SamplingDuration and BreakDuration must be at least 500 ms.";
        }
    }
}

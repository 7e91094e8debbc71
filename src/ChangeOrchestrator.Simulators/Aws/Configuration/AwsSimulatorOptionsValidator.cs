using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Aws.Configuration;

/// <summary>Checks what data annotations cannot reach: nested durations and calendars, naming the key at fault.</summary>
internal sealed class AwsSimulatorOptionsValidator : IValidateOptions<AwsSimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsSimulatorOptions options)
    {
        var failures = new List<string>();
        var prefix = AwsSimulatorOptions.Section;
        foreach (var property in typeof(AwsDurationOptions).GetProperties())
        {
            if (property.GetValue(options.Durations) is TimeSpan value && value < TimeSpan.Zero)
            {
                failures.Add($"{prefix}:Durations:{property.Name} must not be negative (was {value}).");
            }
        }

        if (options.Durations.ExecutionTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:Durations:ExecutionTimeout must be positive.");
        }

        foreach (var (operation, rate) in options.RateLimits.Operations)
        {
            var key = $"{prefix}:RateLimits:Operations:{operation}";
            if (!operation.StartsWith("SSM.", StringComparison.Ordinal) && !operation.StartsWith("EC2.", StringComparison.Ordinal))
            {
                failures.Add($"{key} must name an operation as SSM.<Operation> or EC2.<Action>.");
            }

            if (rate is null || !(rate.PerSecond > 0) || double.IsInfinity(rate.PerSecond))
            {
                failures.Add($"{key}:PerSecond must be a positive number.");
            }

            if (rate is null || rate.Burst < 1)
            {
                failures.Add($"{key}:Burst must be at least 1.");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Calendars.Count; i++)
        {
            var calendar = options.Calendars[i];
            var key = $"{prefix}:Calendars:{i}";
            if (string.IsNullOrWhiteSpace(calendar.Name))
            {
                failures.Add($"{key}:Name is required.");
            }
            else if (!names.Add(calendar.Name))
            {
                failures.Add($"{key}:Name '{calendar.Name}' is configured twice.");
            }

            if (calendar.DefaultState is not ("OPEN" or "CLOSED"))
            {
                failures.Add($"{key}:DefaultState must be OPEN or CLOSED (was '{calendar.DefaultState}').");
            }

            for (var e = 0; e < calendar.Events.Count; e++)
            {
                if (calendar.Events[e].End <= calendar.Events[e].Start)
                {
                    failures.Add($"{key}:Events:{e}:End must be after Start.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

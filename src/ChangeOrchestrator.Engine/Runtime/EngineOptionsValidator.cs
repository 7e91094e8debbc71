using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>Checks the engine's limits at start-up; every message names the configuration key that is wrong.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    private const string Prefix = EngineOptions.Section + ":";

    // A lease or claim is renewed every third of its duration: under a second that is a database round trip every few
    // hundred milliseconds per instance; over an hour, a dead node's instances wait that long to be taken over.
    private static readonly TimeSpan ShortestHold = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestHold = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var failures = new List<string>();
        Between(failures, nameof(EngineOptions.MaxActivitiesPerBurst), options.MaxActivitiesPerBurst, 1, 1_000_000);
        Between(failures, nameof(EngineOptions.MaxConcurrencyRetries), options.MaxConcurrencyRetries, 0, 1_000);
        Between(failures, nameof(EngineOptions.TimerBatchSize), options.TimerBatchSize, 1, 10_000);
        Between(failures, nameof(EngineOptions.TimerConcurrency), options.TimerConcurrency, 1, 256);
        Between(failures, nameof(EngineOptions.InlineListItems), options.InlineListItems, 1, 10_000);
        Between(failures, nameof(EngineOptions.TimerClaimDuration), options.TimerClaimDuration, ShortestHold, LongestHold);
        Between(failures, nameof(EngineOptions.InstanceLeaseDuration), options.InstanceLeaseDuration, ShortestHold, LongestHold);
        Between(failures, nameof(EngineOptions.LeaseWaitTimeout), options.LeaseWaitTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Between(failures, nameof(EngineOptions.PendingStimulusTtl), options.PendingStimulusTtl, TimeSpan.FromMinutes(1), TimeSpan.FromDays(365));
        if (string.IsNullOrWhiteSpace(options.NodeId))
        {
            failures.Add($"{Prefix}{nameof(EngineOptions.NodeId)} must not be empty (leave it out to get a name unique to this process).");
        }
        else if (options.NodeId.Length > EngineOptions.MaxNodeIdLength)
        {
            failures.Add($"{Prefix}{nameof(EngineOptions.NodeId)} must be at most {EngineOptions.MaxNodeIdLength} characters (was {options.NodeId.Length}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Between(List<string> failures, string key, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{Prefix}{key} must be between {minimum:N0} and {maximum:N0} (was {value:N0}).");
        }
    }

    private static void Between(List<string> failures, string key, TimeSpan value, TimeSpan minimum, TimeSpan maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{Prefix}{key} must be between {minimum:c} and {maximum:c} (was {value:c}).");
        }
    }
}

using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>Checks the sandbox's limits at start-up; every message names the configuration key that is wrong.</summary>
internal sealed class ExpressionLimitsValidator : IValidateOptions<ExpressionLimits>
{
    private const string Prefix = ExpressionLimits.Section + ":";

    // Jint keeps its call depth on the thread's stack: past about a thousand nested calls a script could overflow it,
    // which ends the process instead of failing the expression.
    private const int DeepestRecursion = 1_000;

    private const long SmallestMemory = 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, ExpressionLimits limits)
    {
        var failures = new List<string>();
        if (limits.Timeout <= TimeSpan.Zero || limits.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Prefix}{nameof(ExpressionLimits.Timeout)} must be positive and at most 00:05:00 (was {limits.Timeout:c}).");
        }

        if (limits.MaxStatements < 1)
        {
            failures.Add($"{Prefix}{nameof(ExpressionLimits.MaxStatements)} must be at least 1 (was {limits.MaxStatements:N0}).");
        }

        if (limits.MaxMemoryBytes < SmallestMemory)
        {
            failures.Add($"{Prefix}{nameof(ExpressionLimits.MaxMemoryBytes)} must be at least {SmallestMemory:N0} (1 MiB; was {limits.MaxMemoryBytes:N0}).");
        }

        if (limits.MaxRecursionDepth < 1 || limits.MaxRecursionDepth > DeepestRecursion)
        {
            failures.Add($"{Prefix}{nameof(ExpressionLimits.MaxRecursionDepth)} must be between 1 and {DeepestRecursion:N0} (was {limits.MaxRecursionDepth:N0}).");
        }

        if (limits.MaxCachedExpressions < 1 || limits.MaxCachedExpressions > 100_000)
        {
            failures.Add($"{Prefix}{nameof(ExpressionLimits.MaxCachedExpressions)} must be between 1 and 100,000 (was {limits.MaxCachedExpressions:N0}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

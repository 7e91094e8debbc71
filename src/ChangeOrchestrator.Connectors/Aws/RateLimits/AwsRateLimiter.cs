using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// The token buckets of every AWS operation this node calls, one per account, Region and operation, as AWS counts
/// them. Rates come from <c>Aws:RateLimits</c>, else <see cref="AwsRateDefaults"/>, times <c>Aws:RateLimitScale</c>.
/// </summary>
internal sealed class AwsRateLimiter(IOptions<AwsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, AwsRateBucket> _buckets = new(StringComparer.Ordinal);

    public AwsRateBucket For(string service, string operation)
    {
        var settings = options.Value;

        // The account is the role assumed or the key used: two roles are two accounts' buckets, or at least two callers.
        var account = settings.RoleArn ?? settings.AccessKeyId ?? "default";
        var name = $"{service}.{operation}";
        return _buckets.GetOrAdd($"{account}/{settings.Region}/{name}", _ =>
        {
            var rate = settings.RateLimits.GetValueOrDefault(name) ?? AwsRateDefaults.For(service, operation);
            return new AwsRateBucket(new AwsOperationRate { PerSecond = rate.PerSecond * settings.RateLimitScale, Burst = rate.Burst }, time);
        });
    }
}

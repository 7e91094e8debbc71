using System.Collections.Concurrent;
using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Aws.Throttling;

/// <summary>
/// Throttles as AWS does: a token bucket per account (the access key of the SigV4 credential), Region and
/// operation; a request that finds its bucket empty is refused (SSM <c>ThrottlingException</c>, EC2
/// <c>RequestLimitExceeded</c>) and takes no token. Buckets refill in simulated time.
/// </summary>
internal sealed class AwsRequestRateLimiter(SimulatorClock clock, IOptionsMonitor<AwsSimulatorOptions> options)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>True when the request may go on; false when it is throttled.</summary>
    public bool TryTake(HttpRequest request, string service, string operation)
    {
        var limits = options.CurrentValue.RateLimits;
        if (!limits.Enabled)
        {
            return true;
        }

        var (account, region) = Scope(request);
        var bucket = _buckets.GetOrAdd($"{account}/{region}/{service}.{operation}", _ => new Bucket(limits.For(service, operation), clock.UtcNow));
        return bucket.TryTake(clock.UtcNow, clock.SimulatedSince);
    }

    public void Reset() => _buckets.Clear();

    /// <summary>Access key and Region from <c>Credential=AKID/date/region/service/aws4_request</c>.</summary>
    private static (string Account, string Region) Scope(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var start = header.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return ("", "");
        }

        var end = header.IndexOf(',', start);
        var parts = header[(start + "Credential=".Length)..(end < 0 ? header.Length : end)].Split('/');
        return parts.Length >= 3 ? (parts[0], parts[2]) : (parts[0], "");
    }

    private sealed class Bucket(SimulatedOperationRate rate, DateTimeOffset now)
    {
        private readonly Lock _gate = new();
        private double _tokens = rate.Burst;
        private DateTimeOffset _refilledAt = now;

        public bool TryTake(DateTimeOffset now, Func<DateTimeOffset, TimeSpan> simulatedSince)
        {
            lock (_gate)
            {
                _tokens = Math.Min(rate.Burst, _tokens + (simulatedSince(_refilledAt).TotalSeconds * rate.PerSecond));
                _refilledAt = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens -= 1;
                return true;
            }
        }
    }
}

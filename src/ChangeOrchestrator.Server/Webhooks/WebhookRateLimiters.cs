using System.Threading.RateLimiting;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// One token bucket per source, refilled every second with <c>Webhooks:RateLimit:PermitsPerSecond</c>. A short burst
/// beyond it waits for up to a second's worth of permits; beyond that the sender gets 429 and retries, as both desks do.
/// </summary>
internal sealed class WebhookRateLimiters : IDisposable
{
    private readonly Dictionary<string, TokenBucketRateLimiter> _limiters;

    public WebhookRateLimiters(IEnumerable<WebhookSource> sources, IOptions<WebhooksOptions> options)
    {
        var permits = options.Value.RateLimit.PermitsPerSecond;
        _limiters = sources.ToDictionary(source => source.Name, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = permits,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }

    public ValueTask<RateLimitLease> AcquireAsync(string source, CancellationToken cancellationToken) =>
        _limiters[source].AcquireAsync(1, cancellationToken);

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}

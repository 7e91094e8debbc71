namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Section <c>Webhooks:RateLimit</c>: a token bucket per source, so one noisy desk cannot starve the other.</summary>
public sealed class WebhookRateLimitOptions
{
    /// <summary>Deliveries per second each source may send; a second's worth may queue before 429 is answered.</summary>
    public int PermitsPerSecond { get; set; } = 200;
}

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Configuration section <c>Webhooks</c>: the service-desk webhooks received at <c>/webhooks/{source}</c>. Each
/// desk's own settings (<c>Webhooks:&lt;desk&gt;</c>) belong to the desk's connector.
/// </summary>
public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>
    /// How long a delivery is remembered, so that a redelivery or replay of it has no effect; a delivery whose own
    /// timestamp is older than this is refused as stale.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromDays(7);

    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public WebhookRateLimitOptions RateLimit { get; set; } = new();

    public WebhookProcessingOptions Processing { get; set; } = new();

    public List<WebhookStartRule> StartRules { get; set; } = [];
}

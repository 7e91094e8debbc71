namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>: the service-desk webhooks received at <c>/webhooks/{source}</c>.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    public const int DefaultMaxBodyBytes = 256 * 1024;

    public JiraWebhookSourceOptions Jira { get; set; } = new();

    public ServiceNowWebhookSourceOptions ServiceNow { get; set; } = new();

    /// <summary>
    /// How long a delivery is remembered, so that a redelivery or replay of it has no effect; a delivery whose own
    /// timestamp is older than this is refused as stale.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromDays(7);

    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public WebhookRateLimitOptions RateLimit { get; set; } = new();

    public WebhookProcessingOptions Processing { get; set; } = new();

    public List<WebhookStartRule> StartRules { get; set; } = [];

    public WebhookSourceOptions For(string source) => source == WebhookSources.Jira ? Jira : ServiceNow;
}

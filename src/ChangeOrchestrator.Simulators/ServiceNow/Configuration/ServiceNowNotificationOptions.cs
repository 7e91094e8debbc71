namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>The outbound business rule that posts change updates to external webhooks.</summary>
internal sealed class ServiceNowNotificationOptions
{
    /// <summary>Receivers known at start; more can be registered through the control API.</summary>
    public List<string> Urls { get; set; } = [];

    public WebhookAuthMode AuthMode { get; set; } = WebhookAuthMode.SharedSecret;

    public string SecretHeader { get; set; } = "X-Webhook-Token";

    public string Secret { get; set; } = "sandbox-webhook-secret";

    public string BasicUserName { get; set; } = "";

    public string BasicPassword { get; set; } = "";

    public string HmacHeader { get; set; } = "X-Webhook-Signature";

    /// <summary>When set, every delivery also carries a base64 HMAC-SHA256 of its body, whatever the auth mode.</summary>
    public string HmacKey { get; set; } = "";

    /// <summary>Attempts per delivery, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Simulated seconds before the first retry; doubled for each later one.</summary>
    public double InitialBackoffSeconds { get; set; } = 5;

    /// <summary>Real seconds a receiver has to answer (RESTMessageV2.setHttpTimeout).</summary>
    public double TimeoutSeconds { get; set; } = 10;
}

namespace ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

/// <summary>How a ServiceNow business rule or flow authenticates its deliveries (ServiceNow cannot sign them).</summary>
public enum ServiceNowWebhookAuthMode
{
    /// <summary>The secret in a header (<c>X-Webhook-Token</c> unless configured otherwise).</summary>
    SharedSecret,

    /// <summary>HTTP basic auth: the configured user name with one of the secrets as password.</summary>
    Basic,
}

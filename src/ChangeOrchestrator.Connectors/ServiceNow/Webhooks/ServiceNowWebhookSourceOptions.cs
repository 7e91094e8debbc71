using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

/// <summary>Section <c>Webhooks:ServiceNow</c>.</summary>
public sealed class ServiceNowWebhookSourceOptions : WebhookSourceOptions
{
    public ServiceNowWebhookAuthMode Mode { get; set; } = ServiceNowWebhookAuthMode.SharedSecret;

    /// <summary>The header that carries the shared secret in <see cref="ServiceNowWebhookAuthMode.SharedSecret"/> mode.</summary>
    public string HeaderName { get; set; } = "X-Webhook-Token";

    /// <summary>The user name expected in <see cref="ServiceNowWebhookAuthMode.Basic"/> mode.</summary>
    public string UserName { get; set; } = "";

    /// <summary>
    /// A header the sending script may set to a unique id per delivery, kept across its retries; when absent the
    /// SHA-256 of the body recognises a redelivery.
    /// </summary>
    public string DeliveryIdHeader { get; set; } = "X-Delivery-Id";
}

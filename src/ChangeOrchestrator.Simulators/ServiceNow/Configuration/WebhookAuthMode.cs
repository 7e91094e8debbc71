namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>How the outbound business rule authenticates to the receiver.</summary>
internal enum WebhookAuthMode
{
    None,

    /// <summary>The shared secret in a header (X-Webhook-Token by default).</summary>
    SharedSecret,

    /// <summary>Basic auth, as RESTMessageV2.setBasicAuth.</summary>
    Basic,
}

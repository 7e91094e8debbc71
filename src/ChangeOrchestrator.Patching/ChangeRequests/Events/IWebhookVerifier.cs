namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Checks that a delivery comes from its desk, against the source's active secrets.</summary>
internal interface IWebhookVerifier
{
    string Source { get; }

    /// <param name="request">The delivery's request, for its headers.</param>
    /// <param name="body">The body exactly as received: a signature covers these bytes, not a re-serialisation.</param>
    WebhookVerification Verify(HttpRequest request, byte[] body);
}

namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>Checks that a delivery comes from its desk, against the source's active secrets.</summary>
public interface IWebhookVerifier
{
    /// <param name="headers">The delivery's headers, looked up without regard to case.</param>
    /// <param name="body">The body exactly as received: a signature covers these bytes, not a re-serialisation.</param>
    WebhookVerification Verify(IReadOnlyDictionary<string, string[]> headers, ReadOnlyMemory<byte> body);

    /// <summary>
    /// The sender's id of the delivery, unchanged across its retries, so a redelivery is recognised; empty when the
    /// desk sends none (the body's hash recognises a byte-identical replay instead).
    /// </summary>
    string DeliveryId(IReadOnlyDictionary<string, string[]> headers);
}

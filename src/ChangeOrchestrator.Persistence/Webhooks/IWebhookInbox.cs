namespace ChangeOrchestrator.Persistence.Webhooks;

/// <summary>
/// The durable inbox of service-desk webhooks: a verified delivery is stored before it is acknowledged and processed
/// afterwards by whichever node claims it; rejected attempts are kept as a record without their body.
/// </summary>
public interface IWebhookInbox
{
    /// <summary>Stores a verified delivery; false when its dedupe key is already remembered (a redelivery or replay).</summary>
    Task<bool> AcceptAsync(WebhookInboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Records a delivery that failed verification (no body, no dedupe key).</summary>
    Task RecordRejectedAsync(RejectedWebhook rejected, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending deliveries that are due, oldest first, for
    /// <paramref name="claimFor"/>; each claim counts as an attempt. Safe for any number of nodes.
    /// </summary>
    Task<IReadOnlyList<WebhookInboxItem>> ClaimAsync(string owner, TimeSpan claimFor, int limit, CancellationToken cancellationToken);

    /// <summary>Extends the claims <paramref name="owner"/> still holds among <paramref name="ids"/> (a heartbeat while it processes them).</summary>
    Task RenewClaimsAsync(string owner, IReadOnlyCollection<string> ids, TimeSpan claimFor, CancellationToken cancellationToken);

    /// <summary>Marks a claimed delivery processed; false when the claim was lost to another node meanwhile.</summary>
    Task<bool> CompleteAsync(string id, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt: the delivery is pending again from <paramref name="retryAt"/>, or parked with the
    /// error when <paramref name="retryAt"/> is null.
    /// </summary>
    Task<bool> FailAsync(string id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>How many deliveries wait to be processed, and when the oldest of them arrived.</summary>
    Task<(int Depth, DateTimeOffset? Oldest)> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>Deletes processed and rejected rows whose replay window has ended; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

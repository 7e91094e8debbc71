namespace ChangeOrchestrator.Persistence.Webhooks;

/// <summary>
/// One webhook delivery as received: a verified one with its raw body, waiting for or done with processing; or a
/// rejected one, without body, as the record of who tried. The dedupe key is unique per source while the row is kept,
/// which is what makes a redelivery within the replay window have no effect.
/// </summary>
internal sealed class WebhookInboxRow
{
    public required string Id { get; init; }

    /// <summary>The sending desk: <c>servicenow</c> or <c>jira</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The sender's delivery id, or the SHA-256 of the body; null on rejected rows, which dedupe nothing.</summary>
    public string? DedupeKey { get; init; }

    public required WebhookInboxStatus Status { get; set; }

    /// <summary>The raw body (UTF-8 JSON); never stored for a rejected delivery.</summary>
    public string? Body { get; init; }

    public string? RemoteIp { get; init; }

    /// <summary>Why a delivery was rejected.</summary>
    public string? RejectionReason { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the row (and with it the memory of its dedupe key) may be purged.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public int Attempts { get; set; }

    /// <summary>When a pending row may next be claimed; null once it is no longer pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public string? LastError { get; set; }
}

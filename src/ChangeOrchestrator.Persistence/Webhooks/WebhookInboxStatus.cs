namespace ChangeOrchestrator.Persistence.Webhooks;

/// <summary>Where a webhook delivery stands in the inbox.</summary>
public enum WebhookInboxStatus
{
    /// <summary>Verified and stored; waiting for (another attempt at) processing.</summary>
    Pending,

    /// <summary>Its stimuli were raised and its starts made.</summary>
    Processed,

    /// <summary>Processing failed on every attempt, or cannot succeed; kept with the error for an operator.</summary>
    Parked,

    /// <summary>Failed verification; kept without its body as a record of the attempt.</summary>
    Rejected,
}

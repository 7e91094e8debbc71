namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Section <c>Webhooks:Processing</c>: how the inbox worker claims, retries and forgets deliveries.</summary>
public sealed class WebhookProcessingOptions
{
    /// <summary>
    /// False makes this node receive-only: it stores and acknowledges deliveries, and other nodes process them
    /// from the shared inbox.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the inbox is scanned when no new delivery wakes the worker (deliveries of other nodes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries claimed at once.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Deliveries processed side by side; those about the same change always one after the other.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>
    /// How long a claim keeps other nodes off a delivery, renewed every third of it while the node processes its batch;
    /// a node that dies holds its claims at most this long.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a delivery that keeps failing is parked with its error.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait before the second attempt; doubled for each further one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Ceiling of the doubling.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often processed and rejected rows older than the replay window are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}

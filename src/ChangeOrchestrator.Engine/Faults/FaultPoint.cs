namespace ChangeOrchestrator.Engine.Faults;

/// <summary>The points a fault drill can name, in the order a stimulus passes them.</summary>
public static class FaultPoint
{
    /// <summary>A stimulus was taken in and its bookmarks found; nothing is applied yet.</summary>
    public const string StimulusReceived = "stimulus.received";

    /// <summary>A burst ran (its side effects are done) and is about to be committed.</summary>
    public const string BeforeCommit = "burst.before-commit";

    /// <summary>A burst was committed; the caller has not been answered yet.</summary>
    public const string AfterCommit = "burst.after-commit";

    /// <summary>A webhook delivery was claimed by this node; none of its stimuli is raised yet.</summary>
    public const string WebhookClaimed = "webhook.claimed";

    /// <summary>A webhook delivery's stimuli took effect; the delivery is not yet marked processed.</summary>
    public const string WebhookProcessed = "webhook.processed";

    public static IReadOnlyList<string> All { get; } = [StimulusReceived, BeforeCommit, AfterCommit, WebhookClaimed, WebhookProcessed];
}

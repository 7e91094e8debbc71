using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// What one delivery means: the stimuli it raises (at most one per delivery today, a list so a payload may carry
/// more) and its own timestamp, which refuses a stale replay.
/// </summary>
internal sealed record WebhookMapping(WebhookFacts Facts, IReadOnlyList<WebhookStimulus> Stimuli, DateTimeOffset? Timestamp)
{
    public static WebhookMapping From(ChangeNotification notification) => new(
        new WebhookFacts(notification.Desk, notification.Change, notification.Event),
        [.. notification.Events.Select(WebhookStimulus.From)],
        notification.SentAt);
}

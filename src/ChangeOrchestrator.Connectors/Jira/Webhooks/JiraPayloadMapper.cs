using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Jira.Webhooks;

/// <summary>
/// Reads Jira admin-webhook payloads. Jira has no approval event: a JSM approval step runs its approve or decline
/// transition on the final decision, so a <c>jira:issue_updated</c> whose changelog moves <c>status</c> into one of
/// the statuses <c>ServiceDesk:Jira:Statuses</c> names Scheduled, Declined or Canceled is the decision or the
/// cancellation; any other status move is a state change. The connector reads the same names, so both agree.
/// </summary>
internal sealed class JiraPayloadMapper(IOptions<JiraStatusNames> statuses) : IWebhookPayloadMapper
{
    public ChangeNotification Map(JsonObject payload)
    {
        var webhookEvent = PayloadText.Of(payload["webhookEvent"]);
        var key = PayloadText.Of(payload["issue"]?["key"]);
        var sentAt = payload["timestamp"] is JsonValue stamp && stamp.TryGetValue<long>(out var millis)
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : (DateTimeOffset?)null;
        var notification = ChangeNotification.Nothing(JiraWebhooks.Name, key, webhookEvent, sentAt);
        if (key is null || webhookEvent != JiraWebhookEvents.IssueUpdated || StatusChange(payload) is not { } status)
        {
            return notification;
        }

        var names = statuses.Value;
        var moved = new ChangeEvent { Desk = JiraWebhooks.Name, Change = key, Kind = ChangeEventKind.StateChanged, State = status, SentAt = sentAt };

        // Who moved the issue is reported with a decision only: a cancellation or state change names its status alone.
        var by = PayloadText.Of(payload["user"]?["displayName"]) ?? PayloadText.Of(payload["user"]?["accountId"]);
        var comment = PayloadText.Of(payload["comment"]?["body"]);
        var change = status switch
        {
            _ when Contains(names.Scheduled, status) => moved with { Kind = ChangeEventKind.Approved, By = by, Comment = comment },
            _ when Contains(names.Declined, status) => moved with { Kind = ChangeEventKind.Rejected, By = by, Comment = comment },
            _ when Contains(names.Canceled, status) => moved with { Kind = ChangeEventKind.Cancelled },
            _ => moved,
        };
        return notification with { Events = [change] };
    }

    /// <summary>The status the issue moved into, from the changelog item of field <c>status</c>.</summary>
    private static string? StatusChange(JsonObject payload) =>
        (payload["changelog"]?["items"] as JsonArray)?
            .OfType<JsonObject>()
            .Where(item => PayloadText.Of(item["fieldId"]) == "status" || PayloadText.Of(item["field"]) == "status")
            .Select(item => PayloadText.Of(item["toString"]))
            .LastOrDefault(name => name is not null);

    private static bool Contains(string names, string status) =>
        JiraStatusNames.Split(names).Contains(status, StringComparer.OrdinalIgnoreCase);
}

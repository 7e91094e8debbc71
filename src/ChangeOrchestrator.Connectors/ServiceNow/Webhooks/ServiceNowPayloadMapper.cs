using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

/// <summary>
/// Reads what a ServiceNow business rule or flow posts. ServiceNow has no standard payload, so this reads the small
/// shape the README documents: <c>{ event, table?, sys_id, number, state, approval, updated_on, by?, comment? }</c> from
/// a rule on <c>change_request</c>, or <c>{ table: "sysapproval_approver", number, state, approver?, comments? }</c>
/// from a rule on the approval records. Values are raw (<c>"-2"</c>) or display values (<c>"Scheduled"</c>).
/// </summary>
internal sealed class ServiceNowPayloadMapper : IWebhookPayloadMapper
{
    private const string ApprovalTable = "sysapproval_approver";

    public ChangeNotification Map(JsonObject payload)
    {
        var number = Text(payload, "number");
        var sentAt = (Text(payload, "updated_on") ?? Text(payload, "sys_updated_on")) is { } updated ? ServiceNowJson.ParseDateTime(updated) : null;
        var notification = ChangeNotification.Nothing(ServiceNowWebhooks.Name, number, Text(payload, "event"), sentAt);
        if (number is null)
        {
            return notification;
        }

        var by = Text(payload, "by") ?? Text(payload, "approver") ?? Text(payload, "sys_updated_by") ?? Text(payload, "updated_by");
        var comment = Text(payload, "comment") ?? Text(payload, "comments");
        var table = Text(payload, "table") ?? Text(payload, "source_table") ?? "change_request";
        var found = new ChangeEvent { Desk = ServiceNowWebhooks.Name, Change = number, Kind = ChangeEventKind.StateChanged, SentAt = sentAt };
        ChangeEvent? change;
        if (string.Equals(table, ApprovalTable, StringComparison.OrdinalIgnoreCase))
        {
            change = Decision(Text(payload, "state")) is { } decided ? found with { Kind = decided, By = by, Comment = comment } : null;
        }
        else
        {
            var value = Text(payload, "state");
            var state = value is null ? null : ServiceNowStates.Name(value);
            var known = state is null ? null : ServiceNowStates.StateNamed(state);
            change = state switch
            {
                _ when known == ChangeState.Cancelled => found with { Kind = ChangeEventKind.Cancelled, State = state, By = by },
                _ when Decision(Text(payload, "approval")) is { } decided && !IsAfterDecision(known) => found with { Kind = decided, By = by, Comment = comment },
                not null => found with { State = state, StateValue = value },
                _ => null,
            };
        }

        return change is null ? notification : notification with { Events = [change] };
    }

    /// <summary>
    /// A change that is already being implemented, reviewed or closed still shows <c>approval=approved</c> on every
    /// later update, which announces no new decision.
    /// </summary>
    private static bool IsAfterDecision(ChangeState? state) => state is ChangeState.Implementing or ChangeState.Review or ChangeState.Closed;

    private static ChangeEventKind? Decision(string? approval) => approval?.ToUpperInvariant() switch
    {
        "APPROVED" => ChangeEventKind.Approved,
        "REJECTED" => ChangeEventKind.Rejected,
        _ => null,
    };

    private static string? Text(JsonObject payload, string name) => PayloadText.Of(payload[name]);
}

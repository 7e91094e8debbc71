using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Reads what a ServiceNow business rule or flow posts. ServiceNow has no standard payload, so this reads the small
/// shape the README documents: <c>{ event, table?, sys_id, number, state, approval, updated_on, by?, comment? }</c> from
/// a rule on <c>change_request</c>, or <c>{ table: "sysapproval_approver", number, state, approver?, comments? }</c>
/// from a rule on the approval records. Values are raw (<c>"-2"</c>) or display values (<c>"Scheduled"</c>).
/// </summary>
internal sealed class ServiceNowPayloadMapper : IWebhookPayloadMapper
{
    private const string ApprovalTable = "sysapproval_approver";
    private const string Canceled = "Canceled";

    private static readonly Dictionary<string, string> StateNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["-5"] = "New",
        ["-4"] = "Assess",
        ["-3"] = "Authorize",
        ["-2"] = "Scheduled",
        ["-1"] = "Implement",
        ["0"] = "Review",
        ["3"] = "Closed",
        ["4"] = Canceled,
        ["Cancelled"] = Canceled,
    };

    /// <summary>
    /// States after the decision: a change that is already being implemented, reviewed or closed still shows
    /// <c>approval=approved</c> on every later update, which announces no new decision.
    /// </summary>
    private static readonly HashSet<string> AfterDecision = new(StringComparer.OrdinalIgnoreCase) { "Implement", "Review", "Closed" };

    public string Source => WebhookSources.ServiceNow;

    public WebhookMapping Map(JsonObject payload)
    {
        var number = Text(payload, "number");
        var facts = new WebhookFacts(Source, number, Text(payload, "event"));
        var timestamp = Timestamp(Text(payload, "updated_on") ?? Text(payload, "sys_updated_on"));
        if (facts.ChangeKey is not { } key)
        {
            return new WebhookMapping(facts, [], timestamp);
        }

        var by = Text(payload, "by") ?? Text(payload, "approver") ?? Text(payload, "sys_updated_by") ?? Text(payload, "updated_by");
        var comment = Text(payload, "comment") ?? Text(payload, "comments");
        var table = Text(payload, "table") ?? Text(payload, "source_table") ?? "change_request";
        WebhookStimulus? stimulus;
        if (string.Equals(table, ApprovalTable, StringComparison.OrdinalIgnoreCase))
        {
            stimulus = Decision(Text(payload, "state")) is { } decided ? Approval(key, decided, by, comment) : null;
        }
        else
        {
            var value = Text(payload, "state");
            var state = value is null ? null : StateNames.GetValueOrDefault(value, value);
            stimulus = state switch
            {
                Canceled => new WebhookStimulus(WebhookStimulus.ChangeCancelled, key, Payload(("state", state), ("by", by))),
                _ when Decision(Text(payload, "approval")) is { } decided && (state is null || !AfterDecision.Contains(state)) => Approval(key, decided, by, comment),
                not null => new WebhookStimulus(WebhookStimulus.ChangeState, key, Payload(("state", state), ("value", value))),
                _ => null,
            };
        }

        return new WebhookMapping(facts, stimulus is null ? [] : [stimulus], timestamp);
    }

    private static WebhookStimulus Approval(string key, string decision, string? by, string? comment) =>
        new(WebhookStimulus.Approval, key, Payload(("decision", decision), ("by", by), ("comment", comment)));

    private static string? Decision(string? approval) => approval?.ToUpperInvariant() switch
    {
        "APPROVED" => "approved",
        "REJECTED" => "rejected",
        _ => null,
    };

    /// <summary>ServiceNow's <c>YYYY-MM-DD HH:MM:SS</c> in UTC.</summary>
    private static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static JsonObject Payload(params (string Name, string? Value)[] fields)
    {
        var payload = new JsonObject();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            payload[name] = value;
        }

        return payload;
    }

    private static string? Text(JsonObject payload, string name) =>
        payload[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}

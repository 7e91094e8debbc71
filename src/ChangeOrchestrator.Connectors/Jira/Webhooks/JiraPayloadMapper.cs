using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Reads Jira admin-webhook payloads. Jira has no approval event: a JSM approval step runs its approve or decline
/// transition on the final decision, so a <c>jira:issue_updated</c> whose changelog moves <c>status</c> into one of
/// the configured approved, declined or cancelled statuses is the decision; any other status move is a state change.
/// </summary>
internal sealed class JiraPayloadMapper(IOptions<WebhooksOptions> options) : IWebhookPayloadMapper
{
    public const string IssueUpdated = "jira:issue_updated";

    private readonly IReadOnlyList<string> _approved = JiraWebhookSourceOptions.Split(options.Value.Jira.ApprovedStatuses);
    private readonly IReadOnlyList<string> _declined = JiraWebhookSourceOptions.Split(options.Value.Jira.DeclinedStatuses);
    private readonly IReadOnlyList<string> _cancelled = JiraWebhookSourceOptions.Split(options.Value.Jira.CancelledStatuses);

    public string Source => WebhookSources.Jira;

    public WebhookMapping Map(JsonObject payload)
    {
        var webhookEvent = Text(payload["webhookEvent"]);
        var facts = new WebhookFacts(Source, Text(payload["issue"]?["key"]), webhookEvent);
        var timestamp = payload["timestamp"] is JsonValue stamp && stamp.TryGetValue<long>(out var millis)
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : (DateTimeOffset?)null;
        if (facts.ChangeKey is not { } key || webhookEvent != IssueUpdated || StatusChange(payload) is not { } status)
        {
            return new WebhookMapping(facts, [], timestamp);
        }

        var by = Text(payload["user"]?["displayName"]) ?? Text(payload["user"]?["accountId"]);
        var comment = Text(payload["comment"]?["body"]);
        WebhookStimulus stimulus = status switch
        {
            _ when Contains(_approved, status) => Approval(key, "approved", by, comment),
            _ when Contains(_declined, status) => Approval(key, "rejected", by, comment),
            _ when Contains(_cancelled, status) => new(WebhookStimulus.ChangeCancelled, key, new JsonObject { ["state"] = status }),
            _ => new(WebhookStimulus.ChangeState, key, new JsonObject { ["state"] = status }),
        };
        return new WebhookMapping(facts, [stimulus], timestamp);
    }

    /// <summary>The status the issue moved into, from the changelog item of field <c>status</c>.</summary>
    private static string? StatusChange(JsonObject payload) =>
        (payload["changelog"]?["items"] as JsonArray)?
            .OfType<JsonObject>()
            .Where(item => Text(item["fieldId"]) == "status" || Text(item["field"]) == "status")
            .Select(item => Text(item["toString"]))
            .LastOrDefault(name => name is not null);

    private static WebhookStimulus Approval(string key, string decision, string? by, string? comment)
    {
        var payload = new JsonObject { ["decision"] = decision };
        if (by is not null)
        {
            payload["by"] = by;
        }

        if (comment is not null)
        {
            payload["comment"] = comment;
        }

        return new WebhookStimulus(WebhookStimulus.Approval, key, payload);
    }

    private static bool Contains(IReadOnlyList<string> names, string status) =>
        names.Any(n => string.Equals(n, status, StringComparison.OrdinalIgnoreCase));

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}

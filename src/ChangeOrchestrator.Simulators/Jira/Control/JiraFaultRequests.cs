using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>Reads the control API's fault bodies, refusing values that cannot make sense.</summary>
internal static class JiraFaultRequests
{
    public static (JiraFaultSettings? Settings, string? Error) Settings(JsonObject body)
    {
        var rate = body["errorRate"] is JsonValue v && v.TryGetValue<double>(out var r) ? r : 0;
        var status = JiraJson.Int(body["errorStatus"]) ?? 503;
        var latency = JiraJson.Int(body["latencyMs"]) ?? 0;
        if (rate is < 0 or > 1 || status is < 400 or > 599 || latency < 0)
        {
            return (null, "errorRate must be within 0..1, errorStatus within 400..599 and latencyMs not negative.");
        }

        return (new JiraFaultSettings(
            TimeSpan.FromMilliseconds(latency),
            rate,
            status,
            JiraJson.Int(body["retryAfterSeconds"]),
            JiraJson.String(body, "route"),
            JiraJson.String(body, "method")), null);
    }

    public static (JiraFaultRule? Rule, string? Error) Rule(JsonObject body)
    {
        var status = JiraJson.Int(body["status"]);
        var count = JiraJson.Int(body["count"]) ?? 1;
        var skip = JiraJson.Int(body["skip"]) ?? 0;
        var delay = JiraJson.Int(body["delayMs"]) ?? 0;
        if (status is null or < 400 or > 599 || count < 1 || skip < 0 || delay < 0)
        {
            return (null, "status must be within 400..599, count at least 1, skip and delayMs not negative.");
        }

        return (new JiraFaultRule
        {
            Route = JiraJson.String(body, "route"),
            Method = JiraJson.String(body, "method"),
            Status = status.Value,
            Count = count,
            Skip = skip,
            RetryAfterSeconds = JiraJson.Int(body["retryAfterSeconds"]),
            Body = JiraJson.String(body, "body"),
            ContentType = JiraJson.String(body, "contentType"),
            Delay = TimeSpan.FromMilliseconds(delay),
            OmitRateLimitHeaders = JiraJson.Bool(body["omitRateLimitHeaders"]) ?? false,
        }, null);
    }

    public static JiraWebhookFaultCounts WebhookFaults(JsonObject body) => new(
        Math.Max(0, JiraJson.Int(body["drop"]) ?? 0),
        Math.Max(0, JiraJson.Int(body["duplicate"]) ?? 0),
        Math.Max(0, JiraJson.Int(body["wrongSignature"]) ?? 0),
        Math.Max(0, JiraJson.Int(body["missingSignature"]) ?? 0),
        Math.Max(0, JiraJson.Int(body["outOfOrder"]) ?? 0));
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Webhooks.Support;

/// <summary>Jira admin-webhook deliveries as Jira sends them: <c>jira:issue_updated</c> bodies, identifier and signature headers.</summary>
public static class JiraDeliveries
{
    public const string OldSecret = "jira-webhook-secret-old-0001";
    public const string NewSecret = "jira-webhook-secret-new-0002";

    /// <summary>A status transition of <paramref name="issueKey"/>, e.g. Awaiting approval → Awaiting implementation.</summary>
    public static string Transition(string issueKey, string from, string to, string by = "Alex Approver", DateTimeOffset? at = null) => new JsonObject
    {
        ["timestamp"] = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeMilliseconds(),
        ["webhookEvent"] = "jira:issue_updated",
        ["issue_event_type_name"] = "issue_generic",
        ["user"] = new JsonObject { ["accountId"] = "5b10a2844c20165700ede21b", ["displayName"] = by },
        ["issue"] = new JsonObject
        {
            ["id"] = "10001",
            ["key"] = issueKey,
            ["fields"] = new JsonObject { ["summary"] = "Monthly patching", ["status"] = new JsonObject { ["name"] = to } },
        },
        ["changelog"] = new JsonObject
        {
            ["id"] = "10100",
            ["items"] = new JsonArray(new JsonObject
            {
                ["field"] = "status", ["fieldtype"] = "jira", ["fieldId"] = "status",
                ["from"] = "10012", ["fromString"] = from, ["to"] = "10013", ["toString"] = to,
            }),
        },
    }.ToJsonString();

    public static string Approved(string issueKey, string by = "Alex Approver", DateTimeOffset? at = null) =>
        Transition(issueKey, "Awaiting approval", "Awaiting implementation", by, at);

    public static string Signature(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>A delivery request; <paramref name="secret"/> null sends no signature.</summary>
    public static HttpRequestMessage Request(string body, string? secret, string? identifier = null, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/jira") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Atlassian-Webhook-Identifier", identifier ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Atlassian-Webhook-Flow", "Primary");
        if (signature is not null || secret is not null)
        {
            request.Headers.Add("X-Hub-Signature", signature ?? Signature(body, secret!));
        }

        return request;
    }
}
